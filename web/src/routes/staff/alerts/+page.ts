import { alertRunListSchema } from '$shared/alerts.ts';
import { readPage } from '$lib/cursor-page.ts';
import { m } from '$lib/paraglide/messages.js';
import { readOrFail } from '$lib/page-load.ts';
import { session } from '$lib/session.svelte.ts';
import type { PageLoad } from './$types';

/** The newest alert runs; only staff read them, anyone else is told the page is for staff. */
export const load: PageLoad = async ({ fetch, depends }) => {
  if (!(await session.read({ depends }))?.staff) return { first: null };
  return {
    first: await readOrFail(() => readPage('/api/staff/alert-runs', alertRunListSchema, undefined, fetch), {
      failed: { title: m.alert_runs_title(), text: (reason) => m.alert_runs_load_failed({ reason }) },
    }),
  };
};
