import { Entity } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Claims a KvK number for one organisation, in the same transaction as the organisation (numbers are unique). */
export const kvkClaimEntitySchema = {
  model: { entity: 'kvkClaim', version: '1', service: 'crossover' },
  attributes: {
    kvkNumber: { type: 'string', required: true, readOnly: true },
    organisationId: { type: 'string', required: true, readOnly: true },
  },
  indexes: {
    // Which organisation has this KvK number?
    byNumber: {
      pk: { field: 'pk', composite: ['kvkNumber'], template: 'KVK#${kvkNumber}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'KVK', casing: 'none' },
    },
  },
} as const;

export const kvkClaimEntity = (client: DynamoDBDocumentClient, table: string) => new Entity(kvkClaimEntitySchema, { client, table });
