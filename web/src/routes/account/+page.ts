import { alertSettingsSchema } from '$shared/alerts.ts';
import { api } from '$lib/api.ts';
import { readOrFail } from '$lib/page-load.ts';
import { m } from '$lib/paraglide/messages.js';
import { session } from '$lib/session.svelte.ts';
import type { PageLoad } from './$types';

/** The signed-in person's alert preferences (or what their firm's profile suggests); someone signed out has none to read. */
export const load: PageLoad = async ({ fetch, depends }) => {
  if (!(await session.read({ depends }))) return { alerts: null };
  const alerts = await readOrFail(() => api('/api/me/alerts', { schema: alertSettingsSchema, fetch }), {
    failed: { title: m.account_title(), text: (reason) => m.account_failed({ reason }) },
  });
  return { alerts };
};
