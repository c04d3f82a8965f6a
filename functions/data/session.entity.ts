import { Entity, type EntityItem } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * A signed-in session. The cookie names it, so deleting the item ends the session at once.
 * `expiresAt` (epoch seconds) is the table's TTL; reads treat an expired session as absent.
 */
export const sessionEntitySchema = {
  model: { entity: 'session', version: '1', service: 'crossover' },
  attributes: {
    sessionId: { type: 'string', required: true, readOnly: true },
    userId: { type: 'string', required: true, readOnly: true },
    createdAt: { type: 'string', required: true, readOnly: true },
    expiresAt: { type: 'number', required: true, readOnly: true },
  },
  indexes: {
    // Which session does this cookie name?
    byId: {
      pk: { field: 'pk', composite: ['sessionId'], template: 'SESSION#${sessionId}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'SESSION', casing: 'none' },
    },
    // Which sessions does this user have? (sign out everywhere on erasure)
    byUser: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['userId'], template: 'USER#${userId}#SESSIONS', casing: 'none' },
      sk: { field: 'gsi2sk', composite: ['createdAt'], template: '${createdAt}', casing: 'none' },
    },
  },
} as const;

export const sessionEntity = (client: DynamoDBDocumentClient, table: string) => new Entity(sessionEntitySchema, { client, table });
export type SessionEntity = ReturnType<typeof sessionEntity>;
export type Session = EntityItem<SessionEntity>;
