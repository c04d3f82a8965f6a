import { Entity, type EntityItem } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { alertFrequencies } from '#shared/alerts.ts';
import { languages } from '#shared/language.ts';

/** What a person chose to hear of, as both their preferences and each of their subscription items keep it. */
export const alertCriteriaAttributes = {
  disciplines: { type: 'list', items: { type: 'string' }, required: true },
  sectors: { type: 'list', items: { type: 'string' }, required: true },
  types: { type: 'list', items: { type: 'string' }, required: true },
  funding: { type: 'list', items: { type: 'string' }, required: true },
  minBudgetCents: { type: 'number' },
  municipalities: { type: 'list', items: { type: 'string' }, required: true },
  language: { type: languages, required: true },
} as const;

/**
 * A person's place among those who hear of challenges with one discipline (`discipline:sound`), or
 * of any discipline (`discipline:any`), at one frequency: one item per discipline they chose, written
 * and deleted in the same transaction as their preferences. Publishing a challenge reads the
 * partitions of its disciplines only, never every person; each item keeps the rest of the
 * preferences, so the other criteria are checked on the item itself.
 */
export const alertSubscriptionEntitySchema = {
  model: { entity: 'alertSubscription', version: '1', service: 'crossover' },
  attributes: {
    frequency: { type: alertFrequencies, required: true, readOnly: true },
    key: { type: 'string', required: true, readOnly: true },
    userId: { type: 'string', required: true, readOnly: true },
    email: { type: 'string', required: true },
    organisationId: { type: 'string' },
    ...alertCriteriaAttributes,
  },
  indexes: {
    // Who hears of challenges with this discipline (or any), at this frequency?
    byKey: {
      pk: { field: 'pk', composite: ['frequency', 'key'], template: 'ALERTS#${frequency}#${key}', casing: 'none' },
      sk: { field: 'sk', composite: ['userId'], template: '${userId}', casing: 'none' },
    },
  },
} as const;

export const alertSubscriptionEntity = (client: DynamoDBDocumentClient, table: string) => new Entity(alertSubscriptionEntitySchema, { client, table });
export type AlertSubscriptionEntity = ReturnType<typeof alertSubscriptionEntity>;
export type AlertSubscription = EntityItem<AlertSubscriptionEntity>;
