import { membersSchema, organisationSchema } from '$shared/organisation.ts';
import { api } from '$lib/api.ts';
import { readOrFail } from '$lib/page-load.ts';
import { m } from '$lib/paraglide/messages.js';
import { session } from '$lib/session.svelte.ts';
import type { PageLoad } from './$types';

/** The signed-in person's organisation and its members; leaving it, or signing out, loads the page again without. */
export const load: PageLoad = async ({ fetch, depends }) => {
  const id = (await session.read({ depends }))?.organisation?.id;
  if (!id) return { organisation: null, members: null };
  const [organisation, members] = await readOrFail(
    () => Promise.all([api(`/api/organisations/${id}`, { schema: organisationSchema, fetch }), api(`/api/organisations/${id}/members`, { schema: membersSchema, fetch })]),
    { failed: { title: m.org_title(), text: (reason) => m.org_failed({ reason }) } },
  );
  return { organisation, members };
};
