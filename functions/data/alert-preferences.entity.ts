import { Entity, type EntityItem } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { alertFrequencies } from '#shared/alerts.ts';
import { alertCriteriaAttributes } from './alert-subscription.entity.ts';

/** The alert preferences a person saved, beside their user item; `version` guards each change. */
export const alertPreferencesEntitySchema = {
  model: { entity: 'alertPreferences', version: '1', service: 'crossover' },
  attributes: {
    userId: { type: 'string', required: true, readOnly: true },
    ...alertCriteriaAttributes,
    frequency: { type: alertFrequencies, required: true },
    version: { type: 'number', required: true },
    savedAt: { type: 'string', required: true },
  },
  indexes: {
    // What did this person choose to hear of?
    byUser: {
      pk: { field: 'pk', composite: ['userId'], template: 'USER#${userId}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'ALERTS', casing: 'none' },
    },
  },
} as const;

export const alertPreferencesEntity = (client: DynamoDBDocumentClient, table: string) => new Entity(alertPreferencesEntitySchema, { client, table });
export type AlertPreferencesEntity = ReturnType<typeof alertPreferencesEntity>;
export type AlertPreferencesItem = EntityItem<AlertPreferencesEntity>;
