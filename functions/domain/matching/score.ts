import type { MatchAgainst, MatchReason, MatchScore } from '#shared/matching.ts';
import type { sectors, sizeBands } from '#shared/organisation.ts';
import type { StoredChallenge } from '../challenges/ports.ts';
import type { StoredOrganisation } from '../organisations/ports.ts';

type Sector = (typeof sectors)[number];
type SizeBand = (typeof sizeBands)[number];

/** What of a challenge the score reads. */
export type MatchedChallenge = Pick<
  StoredChallenge,
  'organisationId' | 'sector' | 'disciplines' | 'budgetMinCents' | 'budgetMaxCents' | 'durationWeeks' | 'workplace' | 'municipality'
>;

/** What of a creative firm (or knowledge institution) the score reads. */
export type MatchCandidate = Pick<StoredOrganisation, 'organisationId' | 'name' | 'municipality' | 'sizeBand' | 'disciplines' | 'sectorsServed'>;

/** How many commissions a firm was awarded, per sector; a sector it has none in may be left out. */
export type AwardsBySector = Partial<Record<Sector, number>>;

/** The points each reason gives at most (they add up to 100), and what each count-against takes off. */
export const matchWeights = {
  disciplines: 40,
  sector: 15,
  budget: 15,
  size: 10,
  place: 10,
  pastAwards: 10,
} as const;
export const awardPoints = 5;
export const matchPenalties = {
  budget_below_range: 10,
  budget_above_range: 10,
  size_too_small: 10,
  size_far_too_small: 25,
} as const satisfies Record<Exclude<MatchAgainst['kind'], 'no_shared_discipline'>, number>;

/** A person-week of a creative firm's work, in cents (40 hours at €100): turns a budget into a team. */
export const personWeekCents = 400_000;

/**
 * The commissions a firm of each size band usually takes, in cents, and how many people it has at
 * most: the profile holds no budget range of its own yet, so the band stands in for one.
 */
export const sizeBandProfiles: Record<SizeBand, { usualMinCents: number; usualMaxCents: number | null; mostPeople: number | null }> = {
  '1': { usualMinCents: 0, usualMaxCents: 2_500_000, mostPeople: 1 },
  '2-9': { usualMinCents: 500_000, usualMaxCents: 15_000_000, mostPeople: 9 },
  '10-49': { usualMinCents: 2_500_000, usualMaxCents: 75_000_000, mostPeople: 49 },
  '50-249': { usualMinCents: 10_000_000, usualMaxCents: 500_000_000, mostPeople: 249 },
  '250+': { usualMinCents: 25_000_000, usualMaxCents: null, mostPeople: null },
};

/** How many people the work needs: its maximum budget spread over its weeks, in person-weeks, at least one. */
export const teamNeeded = (challenge: Pick<MatchedChallenge, 'budgetMaxCents' | 'durationWeeks'>) =>
  Math.max(1, Math.ceil(challenge.budgetMaxCents / (challenge.durationWeeks * personWeekCents)));

/**
 * How well one firm fits one challenge (docs/matching.md has every reason and weight):
 * 1. no discipline in common: score 0, and nothing else is weighed
 * 2. add the points of each reason that holds: disciplines by the share of the asked ones it has,
 *    sector served, budget within the band's usual range, a band that can staff the work, the same
 *    municipality or remote work, past awards in the commissioner's sector
 * 3. take off what counts against it: a budget outside the band's usual range, too few people
 * 4. round to a whole number between 0 and 100
 */
export function scoreFirm(challenge: MatchedChallenge, firm: MatchCandidate, awardsBySector: AwardsBySector = {}): MatchScore {
  const shared = challenge.disciplines.filter((discipline) => firm.disciplines?.includes(discipline));
  if (!shared.length) return { score: 0, reasons: [], against: [{ kind: 'no_shared_discipline', asked: challenge.disciplines }] };

  const reasons: MatchReason[] = [{ kind: 'disciplines', shared, asked: challenge.disciplines.length }];
  const against: MatchAgainst[] = [];
  let points = (matchWeights.disciplines * shared.length) / challenge.disciplines.length;

  if (firm.sectorsServed?.includes(challenge.sector)) {
    reasons.push({ kind: 'sector', sector: challenge.sector });
    points += matchWeights.sector;
  }

  const band = sizeBandProfiles[firm.sizeBand];
  if (challenge.budgetMaxCents < band.usualMinCents) {
    against.push({ kind: 'budget_below_range', budgetMaxCents: challenge.budgetMaxCents, sizeBand: firm.sizeBand, usualMinCents: band.usualMinCents });
  } else if (band.usualMaxCents !== null && challenge.budgetMinCents > band.usualMaxCents) {
    against.push({ kind: 'budget_above_range', budgetMinCents: challenge.budgetMinCents, sizeBand: firm.sizeBand, usualMaxCents: band.usualMaxCents });
  } else {
    reasons.push({
      kind: 'budget',
      budgetMinCents: challenge.budgetMinCents,
      budgetMaxCents: challenge.budgetMaxCents,
      sizeBand: firm.sizeBand,
      usualMinCents: band.usualMinCents,
      usualMaxCents: band.usualMaxCents,
    });
    points += matchWeights.budget;
  }

  const team = teamNeeded(challenge);
  if (band.mostPeople === null || team <= band.mostPeople) {
    reasons.push({ kind: 'size', sizeBand: firm.sizeBand, teamNeeded: team });
    points += matchWeights.size;
  } else {
    against.push({ kind: team > 3 * band.mostPeople ? 'size_far_too_small' : 'size_too_small', sizeBand: firm.sizeBand, teamNeeded: team });
  }

  if (challenge.workplace === 'remote') {
    reasons.push({ kind: 'remote' });
    points += matchWeights.place;
  } else if (challenge.municipality === firm.municipality) {
    reasons.push({ kind: 'municipality', municipality: firm.municipality });
    points += matchWeights.place;
  }

  const awards = awardsBySector[challenge.sector] ?? 0;
  if (awards > 0) {
    reasons.push({ kind: 'past_awards', sector: challenge.sector, awards });
    points += Math.min(matchWeights.pastAwards, awards * awardPoints);
  }

  const penalty = against.reduce((total, item) => total + (item.kind === 'no_shared_discipline' ? 0 : matchPenalties[item.kind]), 0);
  return { score: Math.min(100, Math.max(0, Math.round(points - penalty))), reasons, against };
}

/** A candidate with its score. */
export type RankedFirm<Firm extends MatchCandidate> = MatchScore & { firm: Firm };

const byName = new Intl.Collator('nl', { sensitivity: 'variant' });

/**
 * The candidates that fit a challenge, best first: by score, then by name (Dutch collation), then by
 * id, so equal scores always come in the same order. Left out: those with no discipline in common
 * (score 0) and the challenge's own commissioner. `awardsBySector` is keyed by the candidate's id.
 */
export function rankFirms<Firm extends MatchCandidate>(
  challenge: MatchedChallenge,
  candidates: readonly Firm[],
  awardsBySector: Readonly<Record<string, AwardsBySector>> = {},
): RankedFirm<Firm>[] {
  return candidates
    .filter((firm) => firm.organisationId !== challenge.organisationId)
    .map((firm) => ({ firm, ...scoreFirm(challenge, firm, awardsBySector[firm.organisationId]) }))
    .filter((ranked) => !ranked.against.some((item) => item.kind === 'no_shared_discipline'))
    .sort((a, b) => b.score - a.score || byName.compare(a.firm.name, b.firm.name) || compareIds(a.firm.organisationId, b.firm.organisationId));
}

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
