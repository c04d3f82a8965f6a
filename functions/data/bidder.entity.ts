import { Entity } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * One bid per firm per challenge: a firm's place in a challenge's bidding, as lead or as a confirmed
 * (or invited) partner. Created with the bid or the invitation, in the same transaction, only if absent.
 */
export const bidderEntitySchema = {
  model: { entity: 'bidder', version: '1', service: 'crossover' },
  attributes: {
    challengeId: { type: 'string', required: true, readOnly: true },
    organisationId: { type: 'string', required: true, readOnly: true },
    bidId: { type: 'string', required: true, readOnly: true },
    role: { type: ['lead', 'partner'] as const, required: true, readOnly: true },
  },
  indexes: {
    // Has this firm a bid (or a place in one) on this challenge?
    byChallenge: {
      pk: { field: 'pk', composite: ['challengeId'], template: 'CHALLENGE#${challengeId}', casing: 'none' },
      sk: { field: 'sk', composite: ['organisationId'], template: 'BIDDER#${organisationId}', casing: 'none' },
    },
  },
} as const;

export const bidderEntity = (client: DynamoDBDocumentClient, table: string) => new Entity(bidderEntitySchema, { client, table });
