import { Entity } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * One outbox event's recipient, as its own item, so that erasure can find every event addressed
 * to a person (an event's recipients are a list, which no index can key). Written by the
 * dispatcher before it sends anything, and given the event's expiry once the event is delivered.
 */
export const outboxRecipientEntity = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'outboxRecipient', version: '1', service: 'crossover' },
      attributes: {
        email: { type: 'string', required: true, readOnly: true },
        eventId: { type: 'string', required: true, readOnly: true },
        // Epoch seconds: the same as its delivered event's, so both go together.
        expiresAt: { type: 'number' },
      },
      indexes: {
        // Which outbox events were addressed to this email? (erasure scrubs them)
        byRecipient: {
          pk: { field: 'pk', composite: ['email'], template: 'RECIPIENT#${email}', casing: 'none' },
          sk: { field: 'sk', composite: ['eventId'], template: 'EVENT#${eventId}', casing: 'none' },
        },
      },
    },
    { client, table },
  );
