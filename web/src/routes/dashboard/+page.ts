import { readOrFail } from '$lib/page-load.ts';
import { m } from '$lib/paraglide/messages.js';
import { session } from '$lib/session.svelte.ts';
import type { PageLoad } from './$types';
import { readConsortiumInvitations, readFirmBids, readFollowed, readOwnChallenges } from './dashboard-lists.ts';

/** What the dashboard lists depends on who is signed in: a commissioner's challenges, or a verified firm's bids and bookmarks. */
export const load: PageLoad = async ({ fetch, depends }) => {
  const organisation = (await session.read({ depends }))?.organisation;
  const words = { failed: { title: m.dashboard_title(), text: (reason: string) => m.dashboard_failed({ reason }) } };
  if (organisation?.kind === 'commissioner')
    return { own: { id: organisation.id, challenges: await readOrFail(() => readOwnChallenges(organisation.id, undefined, fetch), words) }, firm: null };
  if (organisation?.kind !== 'creative' || organisation.status !== 'verified') return { own: null, firm: null };
  const [invitations, bids, followed] = await readOrFail(
    () => Promise.all([readConsortiumInvitations(organisation.id, fetch), readFirmBids(organisation.id, undefined, fetch), readFollowed(organisation.id, undefined, fetch)]),
    words,
  );
  return { own: null, firm: { id: organisation.id, invitations, bids, followed } };
};
