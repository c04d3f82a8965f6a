import type { Challenge } from '#shared/challenge.ts';
import { conflictError } from '../errors.ts';
import { challengePage, findVisibleChallenge } from './get-challenge.ts';
import { requireOpen } from './lifecycle.ts';
import type { ChallengePorts, Firm } from './ports.ts';

/** A verified firm follows (bookmarks) a challenge it can see, or stops following; following is idempotent. */
export async function setFollowing(challengeId: string, following: boolean, viewer: Firm, ports: ChallengePorts): Promise<{ following: boolean }> {
  const challenge = await findVisibleChallenge(challengeId, viewer, ports);
  if (!following) {
    await ports.challenges.unfollow(challengeId, viewer.organisationId);
    return { following: false };
  }
  requireOpen(challenge, ports.now(), 'only open challenges can be followed');
  await ports.challenges.follow(challengeId, viewer.organisationId, viewer.userId, ports.now().toISOString());
  return { following: true };
}

/** A verified firm accepts a challenge's non-disclosure agreement; its members then read the full brief. */
export async function acceptNda(challengeId: string, viewer: Firm, ports: ChallengePorts): Promise<Challenge> {
  const challenge = await findVisibleChallenge(challengeId, viewer, ports);
  if (!challenge.ndaRequired) throw conflictError('This challenge asks for no non-disclosure agreement.');
  await ports.challenges.acceptNda(challengeId, viewer.organisationId, viewer.userId, ports.now().toISOString());
  return challengePage(challenge, viewer, ports);
}
