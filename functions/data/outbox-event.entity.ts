import { Entity, type EntityItem } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { languages } from '#shared/language.ts';
import type { OwedEmail } from '../domain/kernel.ts';

/**
 * A notification that a domain change owes someone, written in the same transaction as the
 * change. The table's stream hands each new event to the outbox dispatcher, which mails it.
 * The `EVENT#` key prefix is what the stream's filter (AWS and local) lets through.
 */
export const outboxEventEntitySchema = {
  model: { entity: 'outboxEvent', version: '1', service: 'crossover' },
  attributes: {
    eventId: { type: 'string', required: true, readOnly: true },
    type: { type: 'string', required: true, readOnly: true },
    // Not read-only: erasure blanks a person's address and name in the events sent to them.
    recipients: {
      type: 'list',
      required: true,
      items: {
        type: 'map',
        properties: {
          email: { type: 'string', required: true },
          language: { type: languages, required: true },
          name: { type: 'string' },
          // What this recipient's email says that others' do not (an alert's reasons), checked by the template.
          personal: { type: 'any' },
        },
      },
    },
    data: { type: 'any', required: true },
    status: { type: ['pending', 'delivered', 'failed'] as const, required: true, default: 'pending' },
    createdAt: { type: 'string', required: true, readOnly: true },
    deliveredAt: { type: 'string' },
    // Why an event can never be delivered (no such template, bad data, recipients refused); it is kept for a person to look at.
    failure: { type: 'string' },
    // The recipients the mail service refused for good, each with its reason; the others have the email.
    rejected: {
      type: 'list',
      items: { type: 'map', properties: { email: { type: 'string', required: true }, reason: { type: 'string', required: true } } },
    },
    // The alert run this event is a chunk of: its outcome is added to the run's counts (tally) when it is marked.
    run: { type: 'string', readOnly: true },
    tally: { type: 'map', properties: { sent: { type: 'number', required: true }, suppressed: { type: 'number', required: true }, failed: { type: 'number', required: true } } },
    // How many times the tally was written: each write is conditional on the one before, so no outcome counts twice.
    tallied: { type: 'number' },
    // The recipients skipped because they are on the suppression list (lower-cased): no email went to them.
    suppressed: { type: 'list', items: { type: 'string' } },
    // A delivered event is deleted by the table's TTL after a while (epoch seconds); pending and failed ones are kept.
    expiresAt: { type: 'number' },
  },
  indexes: {
    // Which event is this? (the dispatcher marks it delivered by id)
    byId: {
      pk: { field: 'pk', composite: ['eventId'], template: 'EVENT#${eventId}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'EVENT', casing: 'none' },
    },
    // Which events are pending or failed, oldest first? (staff re-drive what the stream could not deliver)
    byStatus: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['status'], template: 'OUTBOX#${status}', casing: 'none' },
      sk: { field: 'gsi1sk', composite: ['createdAt'], casing: 'none' },
    },
  },
} as const;

export const outboxEventEntity = (client: DynamoDBDocumentClient, table: string) => new Entity(outboxEventEntitySchema, { client, table });

export type OutboxEventEntity = ReturnType<typeof outboxEventEntity>;
export type OutboxEvent = EntityItem<OutboxEventEntity>;

/** A new, pending outbox event for the email a change owes; written in the change's own transaction. */
export const outboxItem = (eventId: string, email: OwedEmail) => ({ eventId, ...email, createdAt: new Date().toISOString() });
