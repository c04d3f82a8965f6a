import { Entity } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { partnerStatuses } from '#shared/bid.ts';

/** A partner in a consortium bid: invited by the lead, then confirmed or declined by the partner. */
export const partnershipEntitySchema = {
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

export const partnershipEntity = (client: DynamoDBDocumentClient, table: string) => new Entity(partnershipEntitySchema, { client, table });
