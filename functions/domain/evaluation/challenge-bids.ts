import type { Bid } from '#shared/bid.ts';
import { conflictError, notFoundError } from '../errors.ts';
import { bidsOpened } from '../bids/access.ts';
import type { StoredBid } from '../bids/ports.ts';
import { bidView } from '../bids/views.ts';
import { findChallenge } from '../challenges/get-challenge.ts';
import { effectiveStatus } from '../challenges/lifecycle.ts';
import type { StoredChallenge, Viewer } from '../challenges/ports.ts';
import type { EvaluationPorts } from './ports.ts';

/** Why the bids are not open to the commissioner: sealed until the deadline, or never opened at all. */
const notOpen = (status: string) => (status === 'published' ? 'the bids stay sealed until the deadline' : 'it has no bids to open');

/** Refuses (409) what needs the bids opened, naming the status the challenge has now. */
export function requireBidsOpen(challenge: StoredChallenge, now: Date): void {
  const status = effectiveStatus(challenge, now);
  if (!bidsOpened(challenge, now)) throw conflictError(`This challenge is ${status.replace('_', ' ')}; ${notOpen(status)}.`);
}

/** Refuses (409) what only an evaluation under way allows: after the deadline and until the decision. */
export function requireEvaluating(challenge: StoredChallenge, now: Date, refusal: string): void {
  const status = effectiveStatus(challenge, now);
  if (status !== 'closed') throw conflictError(`This challenge is ${status.replace('_', ' ')}; ${bidsOpened(challenge, now) ? refusal : notOpen(status)}.`);
}

/** The sealed bids in the order they were sealed, once the deadline has opened them; none before. */
export async function openedBids(challenge: StoredChallenge, ports: EvaluationPorts): Promise<StoredBid[]> {
  if (!bidsOpened(challenge, ports.now())) return [];
  const bids = await ports.bids.sealedBids(challenge.challengeId);
  return bids.sort((a, b) => (a.sealedAt ?? '').localeCompare(b.sealedAt ?? ''));
}

/** One opened bid of the challenge; 404 for any other (a draft, a withdrawn bid, another challenge's). */
export async function openedBid(challenge: StoredChallenge, bidId: string, ports: EvaluationPorts): Promise<StoredBid> {
  const bid = (await openedBids(challenge, ports)).find((candidate) => candidate.bidId === bidId);
  if (!bid) throw notFoundError('There is no such bid, or it is not shown to you.');
  return bid;
}

/**
 * The commissioner opens the bids: only once the deadline has passed (409 before, when only their
 * count shows), and only the sealed ones; drafts and withdrawn bids never reach them.
 */
export async function listChallengeBids(challengeId: string, viewer: Viewer & { userId: string }, ports: EvaluationPorts): Promise<{ items: Bid[] }> {
  const challenge = await findChallenge(challengeId, ports);
  requireBidsOpen(challenge, ports.now());
  const bids = await openedBids(challenge, ports);
  return { items: await Promise.all(bids.map((bid) => bidView(bid, challenge, viewer, ports))) };
}
