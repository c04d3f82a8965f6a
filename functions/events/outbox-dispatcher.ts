import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { deliverEvent } from '../domain/notifications/deliver-event.ts';
import { logger } from '../logger.ts';
import { wiring, type Wiring } from '../wiring.ts';
import { createStreamHandler } from './stream-handler.ts';

/**
 * Turns each new outbox event on the table's stream into its emails. The event source (AWS) or
 * the local poller passes only INSERTs of `EVENT#` items; a failure leaves the record to be retried.
 */
export function createOutboxDispatcher(wired: () => Wiring) {
  return createStreamHandler(async (record, context) => {
    const { outboxEvents, delivery, idempotency } = wired();
    // Lets an in-progress send expire with this invocation, should it die midway.
    idempotency.registerLambdaContext(context);
    const image = record.dynamodb?.NewImage as Record<string, AttributeValue> | undefined;
    if (!image) return;
    const { data: event } = outboxEvents.parse({ Item: unmarshall(image) });
    if (!event) return;
    const outcome = await deliverEvent(event, delivery);
    if (outcome === 'failed') logger.error('Outbox event set aside as undeliverable', { eventId: event.eventId, type: event.type });
  });
}

export const handler = createOutboxDispatcher(wiring);
