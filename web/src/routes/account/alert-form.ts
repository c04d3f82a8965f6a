import type { AlertFrequency, AlertPreferences } from '$shared/alerts.ts';
import type { Language } from '$shared/language.ts';
import { centsFromEuros, eurosFromCents } from '$lib/challenge-form/form-values.ts';

/** Alert preferences as the form holds them: ticked codes, and the minimum budget as typed in euros. */
export interface AlertForm {
  disciplines: string[];
  sectors: string[];
  types: string[];
  funding: string[];
  municipalities: string[];
  minBudget: string;
  language: Language;
  frequency: AlertFrequency;
}

export function formFrom({ minBudgetCents, disciplines, sectors, types, funding, municipalities, language, frequency }: AlertPreferences, pageLanguage: Language): AlertForm {
  return {
    disciplines: [...disciplines],
    sectors: [...sectors],
    types: [...types],
    funding: [...funding],
    municipalities: [...municipalities],
    minBudget: minBudgetCents === null ? '' : eurosFromCents(minBudgetCents, pageLanguage),
    language,
    frequency,
  };
}

/** What `PUT /api/me/alerts` takes, still to be checked with its schema: an empty budget is "any". */
export function bodyFrom({ minBudget, ...rest }: AlertForm, version: number) {
  return { ...rest, minBudgetCents: minBudget.trim() ? centsFromEuros(minBudget) : null, version };
}
