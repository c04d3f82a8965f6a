import { Entity } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** One line of a bid's own audit trail (who did what when, and each seal's digest); seen by whoever may see the bid. */
export const bidAuditEntitySchema = {
  model: { entity: 'bidAudit', version: '1', service: 'crossover' },
  attributes: {
    challengeId: { type: 'string', required: true, readOnly: true },
    bidId: { type: 'string', required: true, readOnly: true },
    entryId: { type: 'string', required: true, readOnly: true },
    at: { type: 'string', required: true, readOnly: true },
    action: { type: 'string', required: true, readOnly: true },
    actorUserId: { type: 'string', readOnly: true },
    digest: { type: 'string', readOnly: true },
    note: { type: 'string', readOnly: true },
  },
  indexes: {
    byBid: {
      pk: { field: 'pk', composite: ['challengeId'], template: 'CHALLENGE#${challengeId}', casing: 'none' },
      sk: { field: 'sk', composite: ['bidId', 'entryId'], template: 'BIDAUDIT#${bidId}#${entryId}', casing: 'none' },
    },
  },
} as const;

export const bidAuditEntity = (client: DynamoDBDocumentClient, table: string) => new Entity(bidAuditEntitySchema, { client, table });
