import { Entity, type EntityItem } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { languages } from '#shared/language.ts';
import { challengeStatuses, challengeTypes, fundingInstruments, visibilities, workplaces } from '#shared/challenge.ts';
import { sectors } from '#shared/organisation.ts';
import type { StoredChallenge } from '#functions/domain/challenges/ports.ts';

/**
 * An innovation challenge. `version` guards concurrent edits; `statusSince` orders each status's list.
 * Only published challenges carry `listing` and `openUntil` (the sparse gsi3: open challenges by deadline).
 */
export const challengeEntitySchema = {
  model: { entity: 'challenge', version: '1', service: 'crossover' },
  attributes: {
    challengeId: { type: 'string', required: true, readOnly: true },
    organisationId: { type: 'string', required: true, readOnly: true },
    commissionerName: { type: 'string', required: true },
    sector: { type: sectors, required: true },
    status: { type: challengeStatuses, required: true },
    statusSince: { type: 'string', required: true },
    language: { type: languages, required: true },
    title: { type: 'string', required: true },
    summary: { type: 'string', required: true },
    description: { type: 'string', required: true },
    disciplines: { type: 'list', items: { type: 'string' }, required: true },
    budgetMinCents: { type: 'number', required: true },
    budgetMaxCents: { type: 'number', required: true },
    questionDeadline: { type: 'string', required: true },
    bidDeadline: { type: 'string', required: true },
    expectedStart: { type: 'string', required: true },
    durationWeeks: { type: 'number', required: true },
    workplace: { type: workplaces, required: true },
    municipality: { type: 'string' },
    type: { type: challengeTypes, required: true },
    fundingInstrument: { type: fundingInstruments, required: true },
    coFinancingPercent: { type: 'number', required: true },
    consortiaAllowed: { type: 'boolean', required: true },
    // Lists of maps whose shape the shared zod schema fixes; DynamoDB stores them as written.
    criteria: { type: 'any', required: true },
    attachments: { type: 'any', required: true },
    rights: { type: 'any', required: true },
    visibility: { type: visibilities, required: true },
    ndaRequired: { type: 'boolean', required: true },
    pitchFeeCents: { type: 'number', required: true },
    statusNote: { type: 'string' },
    createdAt: { type: 'string', required: true, readOnly: true },
    submittedAt: { type: 'string' },
    publishedAt: { type: 'string' },
    closedAt: { type: 'string' },
    /** The members who evaluate the bids; unset means every member of the organisation. */
    evaluatorIds: { type: 'list', items: { type: 'string' } },
    awardedBidId: { type: 'string' },
    /** When the award or no-award was decided. */
    decidedAt: { type: 'string' },
    /** When firms with a draft bid were reminded that the deadline is 48 h away (once per deadline). */
    bidReminderSentAt: { type: 'string' },
    questionReminderSentAt: { type: 'string' },
    version: { type: 'number', required: true },
    /** `open` while published: the deadline jobs' partition; the lists read the challenge's listing entries instead. */
    listing: { type: ['open'] as const },
    /** The bid deadline, while open. */
    openUntil: { type: 'string' },
  },
  indexes: {
    // Which challenge is this?
    byId: {
      pk: { field: 'pk', composite: ['challengeId'], template: 'CHALLENGE#${challengeId}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'CHALLENGE', casing: 'none' },
    },
    // Which challenges have this status, by when they got it? (moderation queue oldest first, published newest first)
    byStatus: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['status'], template: 'CHALLENGES#${status}', casing: 'none' },
      sk: { field: 'gsi1sk', composite: ['statusSince', 'challengeId'], template: '${statusSince}#${challengeId}', casing: 'none' },
    },
    // Which challenges does this organisation have, in every state?
    byOrganisation: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['organisationId'], template: 'ORG#${organisationId}#CHALLENGES', casing: 'none' },
      sk: { field: 'gsi2sk', composite: ['createdAt', 'challengeId'], template: '${createdAt}#${challengeId}', casing: 'none' },
    },
    // Which published challenges have passed their deadline, or close within 48 hours? (sparse: only open ones)
    open: {
      index: 'gsi3',
      condition: (attributes: { listing?: string }) => attributes.listing !== undefined,
      pk: { field: 'gsi3pk', composite: ['listing'], template: 'CHALLENGES#${listing}', casing: 'none' },
      sk: { field: 'gsi3sk', composite: ['openUntil'], template: '${openUntil}', casing: 'none' },
    },
  },
} as const;

export const challengeEntity = (client: DynamoDBDocumentClient, table: string) => new Entity(challengeEntitySchema, { client, table });
export type ChallengeEntity = ReturnType<typeof challengeEntity>;
export type ChallengeRecord = EntityItem<ChallengeEntity>;

/**
 * The stored challenge as the domain's type. ElectroDB types no list of enum values, so its
 * disciplines are strings here (the API's zod schema checks them on the way in); everything else
 * fits as it is (functions/data/stored-types.test-d.ts).
 */
export const storedChallenge = (item: ChallengeRecord) => item as StoredChallenge;
