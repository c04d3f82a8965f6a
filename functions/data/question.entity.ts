import { Entity } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** A clarification question on a challenge and, once given, its answer. The asker is kept but never shown to others. */
export const questionEntitySchema = {
  model: { entity: 'question', version: '1', service: 'crossover' },
  attributes: {
    challengeId: { type: 'string', required: true, readOnly: true },
    questionId: { type: 'string', required: true, readOnly: true },
    question: { type: 'string', required: true, readOnly: true },
    askerOrganisationId: { type: 'string', required: true, readOnly: true },
    askerUserId: { type: 'string', required: true, readOnly: true },
    askedAt: { type: 'string', required: true, readOnly: true },
    answer: { type: 'string' },
    answeredAt: { type: 'string' },
    answeredByUserId: { type: 'string' },
  },
  indexes: {
    // Which questions does this challenge have, in the order asked?
    byChallenge: {
      pk: { field: 'pk', composite: ['challengeId'], template: 'CHALLENGE#${challengeId}', casing: 'none' },
      sk: { field: 'sk', composite: ['questionId'], template: 'QUESTION#${questionId}', casing: 'none' },
    },
  },
} as const;

export const questionEntity = (client: DynamoDBDocumentClient, table: string) => new Entity(questionEntitySchema, { client, table });
