import { challengeTypes, fundingInstruments } from '#shared/challenge.ts';
import { disciplines, sectors, subsectors } from '#shared/organisation.ts';

/** How many distinct challenges the use cases write; every other challenge is a copy of one of them. */
export const challengeTemplateCount = 24;
/** How many distinct firms the use cases register; the directory's other firms are copies. */
export const firmTemplateCount = subsectors.length * 2;

const budgetBands = [
  { budgetMinCents: 1_000_000, budgetMaxCents: 2_500_000 },
  { budgetMinCents: 3_000_000, budgetMaxCents: 6_000_000 },
  { budgetMinCents: 8_000_000, budgetMaxCents: 15_000_000 },
] as const;

/** Found in every 24th challenge only, so a word search has a few hits per page, at any size. */
export const rareWord = 'zeewater';

/**
 * The facets of challenge template `k`: each facet value recurs every few templates, and copies
 * follow their template in turn, so every value is spread evenly over the newest-first list.
 */
export function challengeFacets(k: number) {
  return {
    sector: sectors[k % sectors.length]!,
    disciplines: [disciplines[k % disciplines.length]!, disciplines[(k + 7) % disciplines.length]!],
    type: challengeTypes[k % challengeTypes.length]!,
    fundingInstrument: fundingInstruments[k % fundingInstruments.length]!,
    ...budgetBands[k % budgetBands.length]!,
    titleWord: k % challengeTemplateCount === 0 ? rareWord : 'wijk',
  };
}

/** The query string of each measured filter, chosen to match template 0 (so each has hits on every page). */
export const challengeFilterQueries = {
  sector: `sector=${sectors[0]}`,
  discipline: `discipline=${disciplines[0]}`,
  type: `type=${challengeTypes[0]}`,
  funding: `funding=${fundingInstruments[0]}`,
  budget: `minBudgetCents=${budgetBands[2].budgetMinCents}`,
  words: `q=${rareWord}`,
} as const;

export const firmFacets = (k: number) => ({ subsector: subsectors[k % subsectors.length]!, disciplines: [disciplines[k % disciplines.length]!] });
export const firmFilterQuery = `subsector=${subsectors[0]}`;
