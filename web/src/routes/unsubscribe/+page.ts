import { mailChoicesSchema } from '$shared/unsubscribe.ts';
import { api, ApiError } from '$lib/api.ts';
import { readOrFail } from '$lib/page-load.ts';
import { m } from '$lib/paraglide/messages.js';
import type { PageLoad } from './$types';

/**
 * The unsubscribe link in an email opens this page with its signed token: what that address
 * receives, read without signing in. A token the API refuses (`params.token`) is said on the page.
 */
export const load: PageLoad = async ({ url, fetch }) => {
  const token = url.searchParams.get('token');
  if (!token) return { token: null, choices: null };
  const choices = await readOrFail(
    async () => {
      try {
        return await api(`/api/unsubscribe/${encodeURIComponent(token)}`, { schema: mailChoicesSchema, fetch });
      } catch (error) {
        if (error instanceof ApiError && error.fieldErrors.some(({ field }) => field === 'params.token')) return null;
        throw error;
      }
    },
    { failed: { title: m.unsubscribe_title(), text: (reason) => m.unsubscribe_load_failed({ reason }) } },
  );
  return { token, choices };
};
