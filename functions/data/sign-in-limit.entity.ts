import { Entity, type EntityItem } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * How much of one sign-in limit is used in its current window, e.g. the codes sent to an address
 * this hour. Each use is one conditional write that counts it only while the count is below the
 * limit, so no amount of concurrency gets past it. A window starts at its first use; `expiresAt`
 * (epoch seconds, the table's TTL) is when it ends, and reads treat an ended window as unused.
 */
export const signInLimitEntitySchema = {
  model: { entity: 'signInLimit', version: '1', service: 'crossover' },
  attributes: {
    /** What is counted, and for whom: `codes#address#<email>`, `codes#client#<ip>`, `verifies#client#<ip>`. */
    scope: { type: 'string', required: true, readOnly: true },
    used: { type: 'number', required: true },
    expiresAt: { type: 'number', required: true },
  },
  indexes: {
    // How much of this limit is used in its current window?
    byScope: {
      pk: { field: 'pk', composite: ['scope'], template: 'SIGNINLIMIT#${scope}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'LIMIT', casing: 'none' },
    },
  },
} as const;

export const signInLimitEntity = (client: DynamoDBDocumentClient, table: string) => new Entity(signInLimitEntitySchema, { client, table });
export type SignInLimitEntity = ReturnType<typeof signInLimitEntity>;
export type SignInLimit = EntityItem<SignInLimitEntity>;
