import { Entity } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** One evaluator's scores of one bid, one per criterion in the challenge's order. */
export const scoreEntitySchema = {
  model: { entity: 'score', version: '1', service: 'crossover' },
  attributes: {
    challengeId: { type: 'string', required: true, readOnly: true },
    bidId: { type: 'string', required: true, readOnly: true },
    evaluatorId: { type: 'string', required: true, readOnly: true },
    // [{ score, comment }], as the shared zod schema fixes it.
    scores: { type: 'any', required: true },
    scoredAt: { type: 'string', required: true },
  },
  indexes: {
    // Every score of this challenge's bids (one Query; the evaluation is computed from it).
    byChallenge: {
      pk: { field: 'pk', composite: ['challengeId'], template: 'CHALLENGE#${challengeId}', casing: 'none' },
      sk: { field: 'sk', composite: ['bidId', 'evaluatorId'], template: 'SCORE#${bidId}#${evaluatorId}', casing: 'none' },
    },
  },
} as const;

export const scoreEntity = (client: DynamoDBDocumentClient, table: string) => new Entity(scoreEntitySchema, { client, table });
