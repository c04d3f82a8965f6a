import { challengeListSchema } from '$shared/challenge.ts';
import { api } from '$lib/api.ts';
import { withCursor } from '$lib/cursor-page.ts';

export const choiceNames = ['sector', 'discipline', 'type', 'funding'] as const;
const filterNames = [...choiceNames, 'minBudget', 'q', 'sort'] as const;
export type Filters = Record<(typeof filterNames)[number], string>;

/** The filters live in the URL, so a filtered list is a link anyone can share. */
export const filtersIn = (params: URLSearchParams): Filters => Object.fromEntries(filterNames.map((name) => [name, params.get(name) ?? ''])) as Filters;

export const noFilters = (): Filters => filtersIn(new URLSearchParams());

/** The filters that have a value, as they stand in the URL. */
export const chosen = (values: Filters): Record<string, string> => Object.fromEntries(Object.entries(values).filter(([, value]) => value.trim()));

/** A budget in whole euros, as the filter accepts it. */
export const budgetValid = (budget: string): boolean => !budget.trim() || /^\d{1,9}$/.test(budget.trim());

/** A page of the challenges the filters find; the budget typed in euros goes to the API as cents. */
export function readChallenges(values: Filters, cursor?: string, fetchFn?: typeof fetch) {
  const { minBudget, ...rest } = chosen(values);
  const query = { ...rest, ...(minBudget ? { minBudgetCents: String(Number(minBudget) * 100) } : {}) };
  return api(`/api/challenges?${withCursor(query, cursor)}`, { schema: challengeListSchema, fetch: fetchFn });
}
