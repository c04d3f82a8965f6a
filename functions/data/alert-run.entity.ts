import { Entity, type EntityItem } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { alertRunKinds } from '#shared/alerts.ts';

/**
 * One alert run: a challenge's fan-out on publication (`challenge-<id>`) or one week's digest
 * (`digest-2026-W50`), created once (its id is its "only once"). It keeps what the emails quote and
 * the discipline keys to walk; its steps (alert-step.entity.ts) walk them page by page, and the counts
 * are added to in the same transactions that write each chunk of emails and mark it delivered.
 */
export const alertRunEntitySchema = {
  model: { entity: 'alertRun', version: '1', service: 'crossover' },
  attributes: {
    runId: { type: 'string', required: true, readOnly: true },
    kind: { type: alertRunKinds, required: true, readOnly: true },
    title: { type: 'string', required: true, readOnly: true },
    challengeId: { type: 'string', readOnly: true },
    frequency: { type: ['immediately', 'weekly'] as const, required: true, readOnly: true },
    // The subscription keys (`discipline:<d>`, then `discipline:any`) in the order the steps walk them.
    keys: { type: 'list', items: { type: 'string' }, required: true, readOnly: true },
    // The challenges the emails quote (alertedChallengeSchema), checked again when an email is rendered.
    challenges: { type: 'any', required: true, readOnly: true },
    startedAt: { type: 'string', required: true, readOnly: true },
    status: { type: ['matching', 'matched'] as const, required: true, default: 'matching' },
    matchedAt: { type: 'string' },
    matched: { type: 'number', required: true, default: 0 },
    sent: { type: 'number', required: true, default: 0 },
    suppressed: { type: 'number', required: true, default: 0 },
    failed: { type: 'number', required: true, default: 0 },
    // The chunk events with a refused recipient, for staff to retry.
    failedEvents: { type: 'set', items: 'string' },
  },
  indexes: {
    // Which run is this? (each step, each delivered chunk and staff read it by id)
    byId: {
      pk: { field: 'pk', composite: ['runId'], template: 'ALERTRUN#${runId}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'RUN', casing: 'none' },
    },
    // Which runs started most recently? (the staff delivery view, newest first)
    byStart: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: [], template: 'ALERTRUNS', casing: 'none' },
      sk: { field: 'gsi1sk', composite: ['startedAt', 'runId'], template: '${startedAt}#${runId}', casing: 'none' },
    },
  },
} as const;

export const alertRunEntity = (client: DynamoDBDocumentClient, table: string) => new Entity(alertRunEntitySchema, { client, table });
export type AlertRunEntity = ReturnType<typeof alertRunEntity>;
export type AlertRunItem = EntityItem<AlertRunEntity>;
