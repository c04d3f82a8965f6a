import { Entity } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { bidStatuses, partnerStatuses } from '#shared/bid.ts';

/**
 * A bid, kept under its challenge so that the challenge's bids are one Query (only ever answered
 * after the deadline). `version` guards concurrent edits; the `seal*` fields hold the latest receipt.
 */
export const bidSchema = {
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

/**
 * Where a bid is: the bid pages address a bid by its id alone, and the bid lives under its
 * challenge. Written with the bid, so a GetItem finds it at once (an index would lag behind).
 */
export const bidLocatorSchema = {
  model: { entity: 'bidLocator', version: '1', service: 'crossover' },
  attributes: {
    bidId: { type: 'string', required: true, readOnly: true },
    challengeId: { type: 'string', required: true, readOnly: true },
  },
  indexes: {
    // Which challenge is this bid on?
    byId: {
      pk: { field: 'pk', composite: ['bidId'], template: 'BID#${bidId}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'BID', casing: 'none' },
    },
  },
} as const;

/**
 * One bid per firm per challenge: a firm's place in a challenge's bidding, as lead or as a confirmed
 * (or invited) partner. Created with the bid or the invitation, in the same transaction, only if absent.
 */
export const bidderSchema = {
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

/** A partner in a consortium bid: invited by the lead, then confirmed or declined by the partner. */
export const partnershipSchema = {
  model: { entity: 'partnership', version: '1', service: 'crossover' },
  attributes: {
    challengeId: { type: 'string', required: true, readOnly: true },
    bidId: { type: 'string', required: true, readOnly: true },
    organisationId: { type: 'string', required: true, readOnly: true },
    name: { type: 'string', required: true },
    role: { type: 'string', required: true },
    sharePercent: { type: 'number', required: true },
    status: { type: partnerStatuses, required: true },
    invitedAt: { type: 'string', required: true, readOnly: true },
    invitedByUserId: { type: 'string', required: true, readOnly: true },
    respondedAt: { type: 'string' },
    respondedByUserId: { type: 'string' },
  },
  indexes: {
    // Who are this bid's partners?
    byBid: {
      pk: { field: 'pk', composite: ['challengeId'], template: 'CHALLENGE#${challengeId}', casing: 'none' },
      sk: { field: 'sk', composite: ['bidId', 'organisationId'], template: 'PARTNER#${bidId}#${organisationId}', casing: 'none' },
    },
    // Which consortia is my organisation invited to (or part of), newest first?
    byPartner: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['organisationId'], template: 'ORG#${organisationId}#PARTNERSHIPS', casing: 'none' },
      sk: { field: 'gsi2sk', composite: ['invitedAt', 'bidId'], template: '${invitedAt}#${bidId}', casing: 'none' },
    },
  },
} as const;

/** One line of a bid's own audit trail (who did what when, and each seal's digest); seen by whoever may see the bid. */
export const bidAuditSchema = {
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

/** One evaluator's scores of one bid, one per criterion in the challenge's order. */
export const scoreSchema = {
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

export const bidEntity = (client: DynamoDBDocumentClient, table: string) => new Entity(bidSchema, { client, table });
export const bidLocatorEntity = (client: DynamoDBDocumentClient, table: string) => new Entity(bidLocatorSchema, { client, table });
export const bidderEntity = (client: DynamoDBDocumentClient, table: string) => new Entity(bidderSchema, { client, table });
export const partnershipEntity = (client: DynamoDBDocumentClient, table: string) => new Entity(partnershipSchema, { client, table });
export const bidAuditEntity = (client: DynamoDBDocumentClient, table: string) => new Entity(bidAuditSchema, { client, table });
export const scoreEntity = (client: DynamoDBDocumentClient, table: string) => new Entity(scoreSchema, { client, table });
