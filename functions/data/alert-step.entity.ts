import { Entity, type EntityItem } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * One page of an alert run still to read: which subscription key, from which cursor. Each is its
 * own item so that the table's stream hands it to the dispatcher (the `ALERTSTEP#` prefix passes the
 * stream's filter); handling it writes the page's chunk of emails and the next step in one
 * transaction that also marks it done, so a replayed step writes nothing twice and no invocation
 * ever holds more than one page of recipients.
 */
export const alertStepEntitySchema = {
  model: { entity: 'alertStep', version: '1', service: 'crossover' },
  attributes: {
    runId: { type: 'string', required: true, readOnly: true },
    step: { type: 'number', required: true, readOnly: true },
    keyIndex: { type: 'number', required: true, readOnly: true },
    cursor: { type: 'string', readOnly: true },
    doneAt: { type: 'string' },
    // Epoch seconds: a step is bookkeeping, gone a month after its run.
    expiresAt: { type: 'number', required: true, readOnly: true },
  },
  indexes: {
    // Which step is this? (the dispatcher marks it done)
    byStep: {
      pk: { field: 'pk', composite: ['runId', 'step'], template: 'ALERTSTEP#${runId}#${step}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'STEP', casing: 'none' },
    },
  },
} as const;

export const alertStepEntity = (client: DynamoDBDocumentClient, table: string) => new Entity(alertStepEntitySchema, { client, table });
export type AlertStepEntity = ReturnType<typeof alertStepEntity>;
export type AlertStepItem = EntityItem<AlertStepEntity>;
