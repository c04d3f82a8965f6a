import type { Bid } from '#shared/bid.ts';
import { findChallenge } from '../challenges/get-challenge.ts';
import type { StoredChallenge, Viewer } from '../challenges/ports.ts';
import { conflictError, notFoundError } from '../errors.ts';
import { bidRole, type BidRole } from './access.ts';
import type { BidPorts, BidWriteOutcome, StoredBid, StoredPartnership } from './ports.ts';
import { bidView } from './views.ts';

export const missingBid = () => notFoundError('There is no such bid, or it is not shown to you.');

/** A bid with what it is read with: its challenge, its partners and the viewer's relation to it. */
export interface FoundBid {
  bid: StoredBid;
  challenge: StoredChallenge;
  partners: StoredPartnership[];
  role: BidRole;
}

/** The bid if this viewer may see it (see `bidRole`); 404 otherwise, so nothing shows that it exists. */
export async function findBid(bidId: string, viewer: Viewer, ports: BidPorts): Promise<FoundBid> {
  const bid = await ports.bids.bid(bidId);
  if (!bid) throw missingBid();
  const [challenge, partners] = await Promise.all([findChallenge(bid.challengeId, ports), ports.bids.partners(bid.challengeId, bid.bidId)]);
  const role = bidRole(bid, partners, challenge, viewer, ports.now());
  if (!role) throw missingBid();
  return { bid, challenge, partners, role };
}

/** The bid if the viewer's firm leads it: only the lead changes a bid (404 for anyone else, partners too). */
export async function findLedBid(bidId: string, viewer: Viewer, ports: BidPorts): Promise<FoundBid> {
  const found = await findBid(bidId, viewer, ports);
  if (found.role !== 'lead') throw missingBid();
  return found;
}

const staleBid = () => conflictError('This bid has changed since you read it (in another window, or by a colleague); reload it and try again.', 'body.version');

/** Refuses (409) a change made to a version of the bid other than the stored one. */
export function requireVersion(bid: StoredBid, version: number): void {
  if (bid.version !== version) throw staleBid();
}

/** Turns a refused guarded write into the caller's 409; `taken` names what the guard refused. */
export function requireWritten(outcome: BidWriteOutcome, taken = 'This organisation already has a bid on this challenge, or a place in one.'): void {
  if (outcome === 'written') return;
  if (outcome === 'closed') throw conflictError('The bid deadline has passed; bids can no longer change.');
  throw outcome === 'taken' ? conflictError(taken) : staleBid();
}

/** Anyone opens a bid they may see. */
export async function getBid(bidId: string, viewer: Viewer, ports: BidPorts): Promise<Bid> {
  const { bid, challenge, partners } = await findBid(bidId, viewer, ports);
  return bidView(bid, challenge, viewer, ports, { partners });
}
