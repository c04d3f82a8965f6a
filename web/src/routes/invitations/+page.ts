import { personalInvitationsSchema } from '$shared/organisation.ts';
import { api } from '$lib/api.ts';
import { readOrFail } from '$lib/page-load.ts';
import { m } from '$lib/paraglide/messages.js';
import { session } from '$lib/session.svelte.ts';
import type { PageLoad } from './$types';

/** The invitations waiting for the signed-in person's decision; someone signed out has none to read. */
export const load: PageLoad = async ({ fetch, depends }) => {
  if (!(await session.read({ depends }))) return { invitations: null };
  const invitations = await readOrFail(() => api('/api/me/invitations', { schema: personalInvitationsSchema, fetch }), {
    failed: { title: m.invitations_title(), text: (reason) => m.invitations_failed({ reason }) },
  });
  return { invitations: invitations.items };
};
