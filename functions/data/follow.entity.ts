import { Entity } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** A creative firm follows (bookmarks) a challenge: it is told of answers and amendments. */
export const followEntitySchema = {
  model: { entity: 'follow', version: '1', service: 'crossover' },
  attributes: {
    challengeId: { type: 'string', required: true, readOnly: true },
    firmId: { type: 'string', required: true, readOnly: true },
    followedByUserId: { type: 'string', required: true, readOnly: true },
    followedAt: { type: 'string', required: true, readOnly: true },
  },
  indexes: {
    // Which firms follow this challenge?
    byChallenge: {
      pk: { field: 'pk', composite: ['challengeId'], template: 'CHALLENGE#${challengeId}', casing: 'none' },
      sk: { field: 'sk', composite: ['firmId'], template: 'FOLLOW#${firmId}', casing: 'none' },
    },
    // Which challenges does this firm follow, newest first?
    byFirm: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['firmId'], template: 'ORG#${firmId}#FOLLOWING', casing: 'none' },
      sk: { field: 'gsi2sk', composite: ['followedAt'], template: '${followedAt}', casing: 'none' },
    },
  },
} as const;

export const followEntity = (client: DynamoDBDocumentClient, table: string) => new Entity(followEntitySchema, { client, table });
