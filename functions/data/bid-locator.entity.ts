import { Entity } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Where a bid is: the bid pages address a bid by its id alone, and the bid lives under its
 * challenge. Written with the bid, so a GetItem finds it at once (an index would lag behind).
 */
export const bidLocatorEntitySchema = {
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

export const bidLocatorEntity = (client: DynamoDBDocumentClient, table: string) => new Entity(bidLocatorEntitySchema, { client, table });
