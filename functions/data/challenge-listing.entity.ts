import { Entity, type EntityItem, type Service } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { challengeTypes, fundingInstruments, visibilities } from '#shared/challenge.ts';
import { sectors } from '#shared/organisation.ts';

/**
 * An open challenge's place in one list of open challenges: all of them (`every`), the public ones
 * (`public`), or those with one facet value or one word (`sector:water`, `word:zorg`). Written and
 * removed in the same transaction as the challenge's publication, amendment and leaving the list, so a
 * list by key reads only its own entries, whatever the table holds. Each entry keeps the facets, budget
 * and words, so a second filter is checked on the entry itself within the page.
 */
export const challengeListingEntitySchema = {
  model: { entity: 'challengeListing', version: '1', service: 'crossover' },
  attributes: {
    key: { type: 'string', required: true, readOnly: true },
    challengeId: { type: 'string', required: true, readOnly: true },
    publishedAt: { type: 'string', required: true, readOnly: true },
    openUntil: { type: 'string', required: true },
    visibility: { type: visibilities, required: true },
    sector: { type: sectors, required: true },
    disciplines: { type: 'list', items: { type: 'string' }, required: true },
    type: { type: challengeTypes, required: true },
    fundingInstrument: { type: fundingInstruments, required: true },
    budgetMinCents: { type: 'number', required: true },
    budgetMaxCents: { type: 'number', required: true },
    words: { type: 'list', items: { type: 'string' }, required: true },
  },
  indexes: {
    // Which open challenges have this key, newest first?
    newest: {
      pk: { field: 'pk', composite: ['key'], template: 'LISTING#${key}', casing: 'none' },
      sk: { field: 'sk', composite: ['publishedAt', 'challengeId'], template: '${publishedAt}#${challengeId}', casing: 'none' },
    },
    // Which open challenges have this key, closing soonest?
    closing: {
      index: 'gsi3',
      pk: { field: 'gsi3pk', composite: ['key'], template: 'LISTING#${key}', casing: 'none' },
      sk: { field: 'gsi3sk', composite: ['openUntil'], template: '${openUntil}', casing: 'none' },
    },
  },
} as const;

export const challengeListingEntity = (client: DynamoDBDocumentClient, table: string) => new Entity(challengeListingEntitySchema, { client, table });
export type ChallengeListingEntity = ReturnType<typeof challengeListingEntity>;
export type ChallengeListing = EntityItem<ChallengeListingEntity>;
/** The entity as a transaction's write callback hands it over. */
export type ChallengeListingsInTransaction = Parameters<Parameters<Service<{ listings: ChallengeListingEntity }>['transaction']['write']>[0]>[0]['listings'];

/** At most this many words of a challenge are searchable: with its facets they fit in one transaction (100 items). */
export const MAX_SEARCH_WORDS = 60;

/** The words of a text as search keys: lower-cased, without accents, split on anything but letters and digits. */
export function searchWords(text: string): string[] {
  const words = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 2);
  return [...new Set(words)];
}
