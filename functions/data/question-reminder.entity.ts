import { Entity, type EntityItem } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * A published challenge's question deadline, filed by time: the deadline jobs read the ones within
 * the next 48 hours to remind followers, never every open challenge. Written with the publication;
 * deleted once the reminder is sent (or the challenge is no longer published), moved by the job when
 * an amendment put the deadline later.
 */
export const questionReminderEntitySchema = {
  model: { entity: 'questionReminder', version: '1', service: 'crossover' },
  attributes: {
    challengeId: { type: 'string', required: true, readOnly: true },
    questionDeadline: { type: 'string', required: true, readOnly: true },
    // Epoch seconds: a day after the deadline, whatever became of it.
    expiresAt: { type: 'number', required: true, readOnly: true },
  },
  indexes: {
    // Which challenges' question deadlines fall before this time? (the 48-hour reminder)
    byDeadline: {
      pk: { field: 'pk', composite: [], template: 'REMINDERS#questions', casing: 'none' },
      sk: { field: 'sk', composite: ['questionDeadline', 'challengeId'], template: '${questionDeadline}#${challengeId}', casing: 'none' },
    },
  },
} as const;

export const questionReminderEntity = (client: DynamoDBDocumentClient, table: string) => new Entity(questionReminderEntitySchema, { client, table });
export type QuestionReminderEntity = ReturnType<typeof questionReminderEntity>;
export type QuestionReminderItem = EntityItem<QuestionReminderEntity>;

/** The reminder item of a challenge's question deadline. */
export const questionReminder = (challengeId: string, questionDeadline: string) => ({
  challengeId,
  questionDeadline,
  expiresAt: Math.floor(Date.parse(questionDeadline) / 1000) + 24 * 60 * 60,
});
