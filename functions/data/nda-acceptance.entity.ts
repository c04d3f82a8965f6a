import { Entity } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** A creative firm accepted a challenge's NDA: its members may read the full brief. */
export const ndaAcceptanceEntitySchema = {
  model: { entity: 'ndaAcceptance', version: '1', service: 'crossover' },
  attributes: {
    challengeId: { type: 'string', required: true, readOnly: true },
    firmId: { type: 'string', required: true, readOnly: true },
    acceptedByUserId: { type: 'string', required: true, readOnly: true },
    acceptedAt: { type: 'string', required: true, readOnly: true },
  },
  indexes: {
    // Has this firm accepted this challenge's NDA?
    byChallenge: {
      pk: { field: 'pk', composite: ['challengeId'], template: 'CHALLENGE#${challengeId}', casing: 'none' },
      sk: { field: 'sk', composite: ['firmId'], template: 'NDA#${firmId}', casing: 'none' },
    },
  },
} as const;

export const ndaAcceptanceEntity = (client: DynamoDBDocumentClient, table: string) => new Entity(ndaAcceptanceEntitySchema, { client, table });
