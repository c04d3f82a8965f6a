import { challengeSchema } from '$shared/challenge.ts';
import { api } from '$lib/api.ts';
import { readOrFail } from '$lib/page-load.ts';
import { m } from '$lib/paraglide/messages.js';
import { session } from '$lib/session.svelte.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, fetch, depends }) => {
  // Only a commissioner reads the draft here; the gate tells anyone else why they cannot edit.
  if ((await session.read({ depends }))?.organisation?.kind !== 'commissioner') return { challenge: null };
  return {
    challenge: await readOrFail(() => api(`/api/challenges/${params.challengeId}`, { schema: challengeSchema, fetch }), {
      missing: { title: m.challenge_form_edit_title(), text: m.challenge_form_not_found() },
      failed: { title: m.challenge_form_edit_title(), text: (reason) => m.challenge_form_failed({ reason }) },
    }),
  };
};
