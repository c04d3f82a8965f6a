import { readOrFail } from '$lib/page-load.ts';
import { m } from '$lib/paraglide/messages.js';
import type { PageLoad } from './$types';
import { filtersIn, readFirms } from './firm-filters.ts';

export const load: PageLoad = async ({ url, fetch }) => {
  const filters = filtersIn(url.searchParams);
  return { filters, firms: await readOrFail(() => readFirms(filters, undefined, fetch), { failed: { title: m.directory_title(), text: (reason) => reason } }) };
};
