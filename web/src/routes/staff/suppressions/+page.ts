import { suppressionListSchema } from '$shared/suppression.ts';
import { readPage } from '$lib/cursor-page.ts';
import { readOrFail } from '$lib/page-load.ts';
import { session } from '$lib/session.svelte.ts';
import type { PageLoad } from './$types';

/** The suppression list's first page, newest first; only staff read it, anyone else is told the list is for staff. */
export const load: PageLoad = async ({ fetch, depends }) => {
  if (!(await session.read({ depends }))?.staff) return { first: null };
  return { first: await readOrFail(() => readPage('/api/staff/suppressions', suppressionListSchema, undefined, fetch), {}) };
};
