import { Entity, type EntityItem } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * An address no email goes to any more: it bounced for good or its owner marked Crossover's mail
 * as spam. Written by the SES notification handler, lifted by staff. Addresses are lower-cased.
 */
export const suppressionEntitySchema = {
  model: { entity: 'suppression', version: '1', service: 'crossover' },
  attributes: {
    email: { type: 'string', required: true, readOnly: true },
    reason: { type: ['bounce', 'complaint'] as const, required: true },
    // What SES said: the bounce's type, subtype and diagnostic code, or the complaint's feedback type.
    detail: { type: 'string', required: true },
    suppressedAt: { type: 'string', required: true },
    // The message that bounced or was complained about, to find it in SES's own records.
    sesMessageId: { type: 'string', required: true },
  },
  indexes: {
    // Is this address suppressed? (every sender checks its recipients; staff lift it)
    byEmail: {
      pk: { field: 'pk', composite: ['email'], template: 'SUPPRESSED#${email}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'SUPPRESSION', casing: 'none' },
    },
    // Which addresses are suppressed, newest first? (the staff list)
    newest: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: [], template: 'SUPPRESSIONS', casing: 'none' },
      sk: { field: 'gsi1sk', composite: ['suppressedAt', 'email'], template: '${suppressedAt}#${email}', casing: 'none' },
    },
  },
} as const;

export const suppressionEntity = (client: DynamoDBDocumentClient, table: string) => new Entity(suppressionEntitySchema, { client, table });
export type SuppressionEntity = ReturnType<typeof suppressionEntity>;
export type Suppression = EntityItem<SuppressionEntity>;
