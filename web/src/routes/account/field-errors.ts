/**
 * Field errors keyed by the form's own field (`disciplines.0` → `disciplines`), so a list's refusal
 * shows beside the list; the schema's issues and the API's field errors alike.
 */
export const byField = (errors: Iterable<readonly [path: string, message: string]>): Record<string, string> =>
  Object.fromEntries([...errors].map(([path, message]) => [path.split('.')[0] ?? path, message]));

/** The shared schema's refusals, so the form says them before the API has to. */
export const schemaFieldErrors = (issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> =>
  byField(issues.map((issue) => [issue.path.map(String).join('.'), issue.message] as const));
