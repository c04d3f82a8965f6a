import type { AuditEntry, Challenge } from '#shared/challenge.ts';
import { notFoundError } from '../errors.ts';
import type { ChallengePorts, StoredChallenge, Viewer } from './ports.ts';
import { challengeView } from './views.ts';
import { isOfCommissioner, isVerifiedFirm, maySee } from './viewer.ts';

const missing = () => notFoundError('There is no such challenge, or it is not shown to you.');

/** The challenge, whoever asks (use cases check the rest); 404 if there is none. */
export async function findChallenge(challengeId: string, ports: ChallengePorts): Promise<StoredChallenge> {
  const challenge = await ports.challenges.challenge(challengeId);
  if (!challenge) throw missing();
  return challenge;
}

/** The challenge if this viewer may see it; 404 otherwise, so nothing reveals that it exists. */
export async function findVisibleChallenge(challengeId: string, viewer: Viewer, ports: ChallengePorts): Promise<StoredChallenge> {
  const challenge = await findChallenge(challengeId, ports);
  if (!maySee(viewer, challenge)) throw missing();
  return challenge;
}

/** The audit trail with each actor's current name (an erased person's name is gone, their role stays). */
async function auditTrail(challengeId: string, ports: ChallengePorts): Promise<AuditEntry[]> {
  const entries = await ports.challenges.audit(challengeId);
  const actorIds = [...new Set(entries.flatMap((entry) => (entry.actorUserId ? [entry.actorUserId] : [])))];
  const people = new Map(await Promise.all(actorIds.map(async (userId) => [userId, await ports.organisations.person(userId)] as const)));
  return entries.map((entry) => {
    const name = entry.actorUserId ? people.get(entry.actorUserId)?.name : undefined;
    return {
      at: entry.at,
      action: entry.action,
      actorRole: entry.actorRole,
      ...(name ? { actorName: name } : {}),
      ...(entry.note ? { note: entry.note } : {}),
      changes: entry.changes,
    };
  });
}

/** Whether the viewer's firm accepted the challenge's NDA; only a verified firm's acceptance counts, on its page and in its email. */
export async function ndaAcceptedBy(challenge: StoredChallenge, viewer: Viewer, ports: ChallengePorts): Promise<boolean> {
  if (!challenge.ndaRequired || !isVerifiedFirm(viewer) || viewer.organisationId === undefined) return false;
  return ports.challenges.ndaAccepted(challenge.challengeId, viewer.organisationId);
}

/** The viewer's organisation's bid on the challenge, as lead or as a partner that has not declined. */
async function yourBid(challengeId: string, organisationId: string, ports: ChallengePorts): Promise<Challenge['yourBid']> {
  const bidder = await ports.bids.bidder(challengeId, organisationId);
  if (!bidder) return undefined;
  const [bid] = await ports.bids.bidsAt([{ challengeId, bidId: bidder.bidId }]);
  return bid ? { id: bid.bidId, status: bid.status, role: bidder.role } : undefined;
}

/**
 * The challenge's page for this viewer: questions, their firm's follow, NDA and bid, and for the
 * commissioner and staff the audit trail and, once published, how many sealed bids there are
 * (never whose: the bids stay sealed until the deadline).
 */
export async function challengePage(challenge: StoredChallenge, viewer: Viewer, ports: ChallengePorts): Promise<Challenge> {
  const firmId = isVerifiedFirm(viewer) ? viewer.organisationId : undefined;
  const insider = viewer.staff || isOfCommissioner(viewer, challenge);
  const bidderId = !isOfCommissioner(viewer, challenge) ? viewer.organisationId : undefined;
  const [questions, following, ndaAccepted, audit, bidCount, bid] = await Promise.all([
    ports.challenges.questions(challenge.challengeId),
    firmId ? ports.challenges.isFollowing(challenge.challengeId, firmId) : false,
    ndaAcceptedBy(challenge, viewer, ports),
    insider ? auditTrail(challenge.challengeId, ports) : undefined,
    insider && challenge.publishedAt ? ports.bids.sealedBidCount(challenge.challengeId) : undefined,
    bidderId ? yourBid(challenge.challengeId, bidderId, ports) : undefined,
  ]);
  return challengeView(challenge, {
    viewer,
    now: ports.now(),
    questions,
    following,
    ndaAccepted,
    ...(audit ? { audit } : {}),
    ...(bidCount !== undefined ? { bidCount } : {}),
    ...(bid ? { yourBid: bid } : {}),
  });
}

/** Anyone opens a challenge they may see. */
export async function getChallenge(challengeId: string, viewer: Viewer, ports: ChallengePorts): Promise<Challenge> {
  return challengePage(await findVisibleChallenge(challengeId, viewer, ports), viewer, ports);
}
