import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { fanOutStep } from '../domain/alerts/fan-out.ts';
import { deliverEvent } from '../domain/notifications/deliver-event.ts';
import { logger } from '../logger.ts';
import { mailWiring, type MailWiring } from '../mail-wiring.ts';
import { createStreamHandler } from './stream-handler.ts';

/**
 * Turns each new outbox event on the table's stream into its emails, and each new alert run step
 * into its chunk of outbox events. The event source (AWS) or the local poller passes only INSERTs
 * of `EVENT#` and `ALERTSTEP#` items; a failure leaves the record to be retried. Only an event
 * still pending is delivered, as it stands in the table now.
 */
export function createOutboxDispatcher(wired: () => MailWiring) {
  return createStreamHandler(async (record, context) => {
    const { outbox, delivery, idempotency, alertRuns, fanOutPorts } = wired();
    // Lets an in-progress send expire with this invocation, should it die midway.
    idempotency.registerLambdaContext(context);
    const image = record.dynamodb?.NewImage as Record<string, AttributeValue> | undefined;
    if (!image) return;
    const item = unmarshall(image);
    const step = alertRuns.stepIn(item);
    if (step) {
      await fanOutStep(step, fanOutPorts);
      return;
    }
    const written = outbox.eventIn(item);
    if (!written) return;
    // The stream replays the event as written; what counts is the event now (erasure may have taken a recipient out, a re-drive may have sent it).
    const event = await outbox.event(written.eventId);
    if (event?.status !== 'pending') return;
    const outcome = await deliverEvent(event, delivery);
    if (outcome === 'failed') logger.error('Outbox event set aside as undeliverable', { eventId: event.eventId, type: event.type });
  });
}

export const handler = createOutboxDispatcher(mailWiring);
