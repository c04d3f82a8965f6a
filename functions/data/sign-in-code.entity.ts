import { Entity, type EntityItem } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { languages } from '#shared/language.ts';

/**
 * A sign-in code and link sent to an address, kept only as keyed hashes. `expiresAt` (epoch
 * seconds) is the table's TTL; DynamoDB removes expired items only eventually, so reads check it.
 */
export const signInCodeEntitySchema = {
  model: { entity: 'signInCode', version: '1', service: 'crossover' },
  attributes: {
    email: { type: 'string', required: true, readOnly: true },
    codeId: { type: 'string', required: true, readOnly: true },
    codeHash: { type: 'string', required: true, readOnly: true },
    linkHash: { type: 'string', required: true, readOnly: true },
    /** Tries at the code, counted before it is compared, so that concurrent tries cannot slip past the limit. */
    tries: { type: 'number', required: true, default: 0 },
    usedAt: { type: 'string' },
    language: { type: languages, required: true, readOnly: true },
    createdAt: { type: 'string', required: true, readOnly: true },
    expiresAt: { type: 'number', required: true, readOnly: true },
  },
  indexes: {
    // Which codes went to this address, newest first? (verify the newest live one)
    byEmail: {
      pk: { field: 'pk', composite: ['email'], template: 'SIGNIN#${email}', casing: 'none' },
      sk: { field: 'sk', composite: ['codeId'], template: 'CODE#${codeId}', casing: 'none' },
    },
  },
} as const;

export const signInCodeEntity = (client: DynamoDBDocumentClient, table: string) => new Entity(signInCodeEntitySchema, { client, table });
export type SignInCodeEntity = ReturnType<typeof signInCodeEntity>;
export type SignInCode = EntityItem<SignInCodeEntity>;
