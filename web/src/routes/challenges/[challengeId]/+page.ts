import { challengeSchema } from '$shared/challenge.ts';
import { api } from '$lib/api.ts';
import { readOrFail } from '$lib/page-load.ts';
import { m } from '$lib/paraglide/messages.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, fetch }) => ({
  challenge: await readOrFail(() => api(`/api/challenges/${params.challengeId}`, { schema: challengeSchema, fetch }), {
    missing: { title: m.challenge_not_found() },
    failed: { title: m.challenges_title(), text: (reason) => m.challenge_load_failed({ reason }) },
  }),
});
