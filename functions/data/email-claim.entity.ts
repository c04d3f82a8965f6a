import { Entity } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Claims an email address for one user, written in the same transaction as the user, so that an
 * address can never belong to two users; sign-in finds the user by it with one strongly consistent read.
 */
export const emailClaimEntitySchema = {
  model: { entity: 'emailClaim', version: '1', service: 'crossover' },
  attributes: {
    email: { type: 'string', required: true, readOnly: true },
    userId: { type: 'string', required: true, readOnly: true },
  },
  indexes: {
    // Which user has this email address? (sign-in)
    byEmail: {
      pk: { field: 'pk', composite: ['email'], template: 'EMAIL#${email}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'EMAIL', casing: 'none' },
    },
  },
} as const;

export const emailClaimEntity = (client: DynamoDBDocumentClient, table: string) => new Entity(emailClaimEntitySchema, { client, table });
