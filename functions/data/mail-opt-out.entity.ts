import { Entity, type EntityItem } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { unsubscribeKinds } from '#shared/unsubscribe.ts';

/**
 * An address that stopped one kind of email through the link in it. Kept by address, not by user,
 * as the link names only the address it was sent to; erasure deletes it with the rest.
 */
export const mailOptOutEntitySchema = {
  model: { entity: 'mailOptOut', version: '1', service: 'crossover' },
  attributes: {
    email: { type: 'string', required: true, readOnly: true },
    kind: { type: unsubscribeKinds, required: true, readOnly: true },
    optedOutAt: { type: 'string', required: true },
  },
  indexes: {
    // Has this address stopped this kind of email?
    byEmail: {
      pk: { field: 'pk', composite: ['email'], template: 'OPTOUT#${email}', casing: 'none' },
      sk: { field: 'sk', composite: ['kind'], template: '${kind}', casing: 'none' },
    },
  },
} as const;

export const mailOptOutEntity = (client: DynamoDBDocumentClient, table: string) => new Entity(mailOptOutEntitySchema, { client, table });
export type MailOptOut = EntityItem<ReturnType<typeof mailOptOutEntity>>;
