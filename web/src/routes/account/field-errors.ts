import type { ApiError } from '$lib/api.ts';

/** The API's refusals keyed by the form's field (`body.minBudgetCents` → `minBudgetCents`), to show beside each. */
export const apiFieldErrors = (error: ApiError): Record<string, string> =>
  Object.fromEntries(error.fieldErrors.map(({ field, message }) => [field.replace(/^body\./, '').split('.')[0] ?? field, message]));

/** The shared schema's refusals keyed the same way, so the form says it before the API has to. */
export const schemaFieldErrors = (issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> =>
  Object.fromEntries(issues.map((issue) => [String(issue.path[0]), issue.message]));
