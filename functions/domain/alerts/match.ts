import type { AlertedChallenge, AlertPreferences, AlertReason } from '#shared/alerts.ts';

/** The criteria a match is judged on: a person's preferences without how often or in which language. */
export type AlertCriteria = Pick<AlertPreferences, 'disciplines' | 'sectors' | 'types' | 'funding' | 'minBudgetCents' | 'municipalities'>;

/**
 * Whether a challenge fits a person's criteria, and if so why: one reason per criterion they set
 * (an empty list means "any" and gives no reason). Undefined when any criterion fails.
 * - disciplines: at least one of the challenge's
 * - sectors: the commissioner's sector; types, funding: the challenge's own
 * - minimum budget: the challenge's maximum budget reaches it
 * - municipalities: the challenge's place, or any place when the work is remote
 */
export function alertReasons(challenge: AlertedChallenge, criteria: AlertCriteria): AlertReason[] | undefined {
  const reasons: AlertReason[] = [];
  if (criteria.disciplines.length) {
    const shared = challenge.disciplines.filter((discipline) => criteria.disciplines.includes(discipline));
    if (!shared.length) return undefined;
    reasons.push({ kind: 'disciplines', disciplines: shared });
  }
  if (criteria.sectors.length) {
    if (!criteria.sectors.includes(challenge.sector)) return undefined;
    reasons.push({ kind: 'sector', sector: challenge.sector });
  }
  if (criteria.types.length) {
    if (!criteria.types.includes(challenge.type)) return undefined;
    reasons.push({ kind: 'type', type: challenge.type });
  }
  if (criteria.funding.length) {
    if (!criteria.funding.includes(challenge.fundingInstrument)) return undefined;
    reasons.push({ kind: 'funding', funding: challenge.fundingInstrument });
  }
  if (criteria.minBudgetCents !== null) {
    if (challenge.budgetMaxCents < criteria.minBudgetCents) return undefined;
    reasons.push({ kind: 'budget', minBudgetCents: criteria.minBudgetCents, budgetMaxCents: challenge.budgetMaxCents });
  }
  if (criteria.municipalities.length) {
    if (challenge.remote) reasons.push({ kind: 'remote' });
    else if (challenge.municipality && criteria.municipalities.includes(challenge.municipality)) reasons.push({ kind: 'municipality', municipality: challenge.municipality });
    else return undefined;
  }
  return reasons.length ? reasons : [{ kind: 'anything' }];
}
