import { Entity } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** One line of a challenge's audit trail: who did what when, and which fields changed from what to what. */
export const challengeAuditEntitySchema = {
  model: { entity: 'challengeAudit', version: '1', service: 'crossover' },
  attributes: {
    challengeId: { type: 'string', required: true, readOnly: true },
    entryId: { type: 'string', required: true, readOnly: true },
    at: { type: 'string', required: true, readOnly: true },
    action: { type: 'string', required: true, readOnly: true },
    actorRole: { type: ['commissioner', 'staff', 'system'] as const, required: true, readOnly: true },
    /** Absent for the system (the deadline job); the name is looked up when shown, so erasure leaves no name behind. */
    actorUserId: { type: 'string', readOnly: true },
    note: { type: 'string', readOnly: true },
    changes: { type: 'any', required: true, readOnly: true },
  },
  indexes: {
    // What happened to this challenge, in order? (entry ids are ULIDs, so they sort by time)
    byChallenge: {
      pk: { field: 'pk', composite: ['challengeId'], template: 'CHALLENGE#${challengeId}', casing: 'none' },
      sk: { field: 'sk', composite: ['entryId'], template: 'AUDIT#${entryId}', casing: 'none' },
    },
  },
} as const;

export const challengeAuditEntity = (client: DynamoDBDocumentClient, table: string) => new Entity(challengeAuditEntitySchema, { client, table });
