import { Entity } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { bidStatuses } from '#shared/bid.ts';

/**
 * A bid, kept under its challenge so that the challenge's bids are one Query (only ever answered
 * after the deadline). `version` guards concurrent edits; the `seal*` fields hold the latest receipt.
 */
export const bidEntitySchema = {
  model: { entity: 'bid', version: '1', service: 'crossover' },
  attributes: {
    challengeId: { type: 'string', required: true, readOnly: true },
    bidId: { type: 'string', required: true, readOnly: true },
    leadOrganisationId: { type: 'string', required: true, readOnly: true },
    leadName: { type: 'string', required: true },
    status: { type: bidStatuses, required: true },
    approach: { type: 'string' },
    priceCents: { type: 'number' },
    timeline: { type: 'string' },
    // Lists whose shape the shared zod schema fixes; DynamoDB stores them as written.
    team: { type: 'any' },
    portfolioLinks: { type: 'any' },
    criterionAnswers: { type: 'any' },
    sealedAt: { type: 'string' },
    sealDigest: { type: 'string' },
    helpRequestedAt: { type: 'string' },
    helpMessage: { type: 'string' },
    feedback: { type: 'string' },
    createdAt: { type: 'string', required: true, readOnly: true },
    createdByUserId: { type: 'string', required: true, readOnly: true },
    updatedAt: { type: 'string', required: true },
    version: { type: 'number', required: true },
  },
  indexes: {
    // Which bids does this challenge have? (sealed: answered to the commissioner only after the deadline)
    byChallenge: {
      pk: { field: 'pk', composite: ['challengeId'], template: 'CHALLENGE#${challengeId}', casing: 'none' },
      sk: { field: 'sk', composite: ['bidId'], template: 'BID#${bidId}', casing: 'none' },
    },
    // Which bids has my firm led, newest first?
    byLead: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['leadOrganisationId'], template: 'ORG#${leadOrganisationId}#BIDS', casing: 'none' },
      sk: { field: 'gsi2sk', composite: ['createdAt', 'bidId'], template: '${createdAt}#${bidId}', casing: 'none' },
    },
  },
} as const;

export const bidEntity = (client: DynamoDBDocumentClient, table: string) => new Entity(bidEntitySchema, { client, table });
