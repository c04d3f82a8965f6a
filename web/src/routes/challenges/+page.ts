import { readOrFail } from '$lib/page-load.ts';
import { m } from '$lib/paraglide/messages.js';
import type { PageLoad } from './$types';
import { filtersIn, readChallenges } from './challenge-filters.ts';

export const load: PageLoad = async ({ url, fetch }) => {
  const filters = filtersIn(url.searchParams);
  return {
    filters,
    challenges: await readOrFail(() => readChallenges(filters, undefined, fetch), {
      failed: { title: m.challenges_title(), text: (reason) => m.challenges_load_failed({ reason }) },
    }),
  };
};
