import { firmListSchema } from '$shared/organisation.ts';
import { api } from '$lib/api.ts';
import { withCursor } from '$lib/cursor-page.ts';

export const filterNames = ['subsector', 'discipline', 'municipality', 'size'] as const;
export type Filters = Record<(typeof filterNames)[number], string>;

/** The filters live in the URL, so a filtered directory is a link anyone can share. */
export const filtersIn = (params: URLSearchParams): Filters => Object.fromEntries(filterNames.map((name) => [name, params.get(name) ?? ''])) as Filters;

/** The filters that have a value, as they stand in the URL and go to the API. */
export const chosen = (values: Filters): Record<string, string> => Object.fromEntries(Object.entries(values).filter(([, value]) => value));

/** A page of the firms the filters find. */
export const readFirms = (values: Filters, cursor?: string, fetchFn?: typeof fetch) =>
  api(`/api/firms?${withCursor(chosen(values), cursor)}`, { schema: firmListSchema, fetch: fetchFn });
