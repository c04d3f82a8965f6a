import { createConversions } from 'electrodb';
import type { ChallengeChanges, ChallengeFilters, StoredChallenge } from '../domain/challenges/ports.ts';
import type { Page, PageRequest } from '../domain/kernel.ts';
import { MAX_SEARCH_WORDS, searchWords, type ChallengeListing, type ChallengeListingEntity, type ChallengeListingsInTransaction } from './challenge-listing.entity.ts';
import { storedChallenge, type ChallengeEntity } from './challenge.entity.ts';
import { checkedCursor, pageOf } from './pages.ts';

type Listed = Pick<
  StoredChallenge,
  | 'challengeId'
  | 'visibility'
  | 'sector'
  | 'disciplines'
  | 'type'
  | 'fundingInstrument'
  | 'budgetMinCents'
  | 'budgetMaxCents'
  | 'title'
  | 'summary'
  | 'listing'
  | 'openUntil'
  | 'publishedAt'
  | 'statusSince'
>;

/** The keys an open challenge is listed under: all, public (if it is), each facet value and each word. */
function listingKeys(challenge: Listed, words: string[]): string[] {
  return [
    'every',
    ...(challenge.visibility === 'public' ? ['public'] : []),
    `sector:${challenge.sector}`,
    ...challenge.disciplines.map((discipline) => `discipline:${discipline}`),
    `type:${challenge.type}`,
    `funding:${challenge.fundingInstrument}`,
    ...words.map((word) => `word:${word}`),
  ];
}

/** The entries of a challenge while it is open (published, with `listing`); none otherwise. */
export function listingEntries(challenge: Listed) {
  if (challenge.listing !== 'open' || !challenge.openUntil) return [];
  const words = searchWords(`${challenge.title} ${challenge.summary}`).slice(0, MAX_SEARCH_WORDS);
  const entry = {
    challengeId: challenge.challengeId,
    publishedAt: challenge.publishedAt ?? challenge.statusSince,
    openUntil: challenge.openUntil,
    visibility: challenge.visibility,
    sector: challenge.sector,
    disciplines: [...challenge.disciplines],
    type: challenge.type,
    fundingInstrument: challenge.fundingInstrument,
    budgetMinCents: challenge.budgetMinCents,
    budgetMaxCents: challenge.budgetMaxCents,
    words,
  };
  return listingKeys(challenge, words).map((key) => ({ key, ...entry }));
}

/** The challenge as a change leaves it: `set` over what was read, without what `remove` names. */
export function changed<T extends object>(before: T, set: NoInfer<Partial<T>>, remove: readonly NoInfer<keyof T>[] = []): T {
  const after = { ...before, ...set };
  for (const name of remove) delete after[name];
  return after;
}

/** Does this change touch the lists (publication, a new deadline, leaving them)? */
export const touchesListing = (set: ChallengeChanges, remove: readonly (keyof ChallengeChanges)[] = []) => 'listing' in set || 'openUntil' in set || remove.includes('listing');

/** The transaction items that move a challenge's entries from `before` to `after`: stale ones deleted, current ones written. */
export function listingWrites(listings: ChallengeListingsInTransaction, before: Listed | undefined, after: Listed) {
  const current = listingEntries(after);
  const kept = new Set(current.map(({ key }) => key));
  const stale = before ? listingEntries(before).filter(({ key }) => !kept.has(key)) : [];
  return [
    ...stale.map(({ key, publishedAt, challengeId }) => listings.delete({ key, publishedAt, challengeId }).commit()),
    ...current.map((entry) => listings.put(entry).commit()),
  ];
}

/**
 * The key a list reads, and what it filters within the page: the first word searched (the longest,
 * as the rarest), else a discipline, sector, funding or type; the rest is checked on each entry.
 * Without filters it is the exact list of everything the viewer may see.
 */
function plan(filters: ChallengeFilters) {
  const words = searchWords(filters.q ?? '')
    .slice(0, 8)
    .sort((a, b) => b.length - a.length);
  const facets: [string, string | undefined][] = [
    ['discipline', filters.discipline],
    ['sector', filters.sector],
    ['funding', filters.funding],
    ['type', filters.type],
  ];
  const facet = facets.find(([, value]) => value);
  const key = words[0] ? `word:${words[0]}` : facet ? `${facet[0]}:${facet[1]}` : filters.includeFirmsOnly ? 'every' : 'public';
  return { key, otherWords: words.slice(1) };
}

/** Open challenges by key, newest first or closing soonest: one Query of at most `limit + 1` entries, then one BatchGet of the page. */
export async function openChallengesPage(
  listings: ChallengeListingEntity,
  challenges: ChallengeEntity,
  filters: ChallengeFilters,
  sort: 'newest' | 'closing',
  now: string,
  page: PageRequest,
): Promise<Page<StoredChallenge>> {
  const { key, otherWords } = plan(filters);
  const cursor = checkedCursor(page.cursor, sort === 'closing' ? listings.query.closing({ key }) : listings.query.newest({ key }));
  const conditions = (
    attributes: Parameters<Parameters<ReturnType<ChallengeListingEntity['query']['newest']>['where']>[0]>[0],
    op: Parameters<Parameters<ReturnType<ChallengeListingEntity['query']['newest']>['where']>[0]>[1],
  ) =>
    [
      !filters.includeFirmsOnly && key !== 'public' ? op.eq(attributes.visibility, 'public') : '',
      filters.sector && key !== `sector:${filters.sector}` ? op.eq(attributes.sector, filters.sector) : '',
      filters.discipline && key !== `discipline:${filters.discipline}` ? op.contains(attributes.disciplines, filters.discipline) : '',
      filters.type && key !== `type:${filters.type}` ? op.eq(attributes.type, filters.type) : '',
      filters.funding && key !== `funding:${filters.funding}` ? op.eq(attributes.fundingInstrument, filters.funding) : '',
      filters.minBudgetCents !== undefined ? op.gte(attributes.budgetMaxCents, filters.minBudgetCents) : '',
      filters.maxBudgetCents !== undefined ? op.lte(attributes.budgetMinCents, filters.maxBudgetCents) : '',
      // Past its deadline but not yet closed by the job (at most minutes): never listed as open.
      sort === 'newest' ? op.gt(attributes.openUntil, now) : '',
      ...otherWords.map((word) => op.contains(attributes.words, word)),
    ]
      .filter(Boolean)
      .join(' AND ');
  const conversions = createConversions(listings).byAccessPattern;
  const entries =
    sort === 'closing'
      ? await pageOf<ChallengeListing>(
          (options) => listings.query.closing({ key }).gt({ openUntil: now }).where(conditions).go(options),
          conversions.closing.fromComposite.toCursor,
          { ...page, cursor },
        )
      : await pageOf<ChallengeListing>(
          (options) =>
            listings.query
              .newest({ key })
              .where(conditions)
              .go({ ...options, order: 'desc' }),
          conversions.newest.fromComposite.toCursor,
          { ...page, cursor },
        );
  if (!entries.items.length) return { items: [], cursor: entries.cursor };
  const { data } = await challenges.get(entries.items.map(({ challengeId }) => ({ challengeId }))).go({ preserveBatchOrder: true });
  // An entry and its challenge change in one transaction; one read between them is dropped, not shown stale.
  const items = data.filter((challenge): challenge is NonNullable<typeof challenge> => challenge?.status === 'published').map(storedChallenge);
  return { items, cursor: entries.cursor };
}
