import { challengeSchema } from '$shared/challenge.ts';
import { recommendedFirmsSchema } from '$shared/matching.ts';
import { api } from '$lib/api.ts';
import { readOrFail } from '$lib/page-load.ts';
import { m } from '$lib/paraglide/messages.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, fetch }) => {
  const challenge = await readOrFail(() => api(`/api/challenges/${params.challengeId}`, { schema: challengeSchema, fetch }), {
    missing: { title: m.challenge_not_found() },
    failed: { title: m.challenges_title(), text: (reason) => m.challenge_load_failed({ reason }) },
  });
  // Not awaited: the page shows at once, and the firms that fit follow (for staff and the commissioner only).
  const recommendations = challenge.can.seeRecommendations ? api(`/api/challenges/${params.challengeId}/recommended-firms`, { schema: recommendedFirmsSchema, fetch }) : undefined;
  return { challenge, recommendations };
};
