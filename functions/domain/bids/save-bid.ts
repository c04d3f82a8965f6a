import type { Bid, UpdateBid } from '#shared/bid.ts';
import type { Firm } from '../challenges/ports.ts';
import { conflictError } from '../errors.ts';
import { requireBiddingOpen } from './access.ts';
import { findLedBid, requireVersion, requireWritten } from './get-bid.ts';
import type { BidWrite, BidPorts, StoredBid } from './ports.ts';
import { seal } from './seal.ts';
import { requireFittingAnswers } from './start-bid.ts';
import { bidView } from './views.ts';

/**
 * The lead saves changes to its bid (the form autosaves), before the deadline only:
 * 1. a draft or withdrawn bid takes any partial change, complete or not
 * 2. a submitted bid stays sealed: the change is sealed again at once (it must still be complete,
 *    422 otherwise) and gives a new receipt; the old seal stays in the bid's audit trail
 * 3. a save made to an older version than the stored one gets 409, never overwrites
 */
export async function updateBid(bidId: string, { version, ...changes }: UpdateBid, viewer: Firm, ports: BidPorts): Promise<Bid> {
  const { bid, challenge, partners } = await findLedBid(bidId, viewer, ports);
  const now = ports.now();
  requireBiddingOpen(challenge, now);
  if (!['draft', 'submitted', 'withdrawn'].includes(bid.status)) throw conflictError(`This bid is ${bid.status.replace('_', ' ')}; it can no longer change.`);
  requireVersion(bid, version);
  requireFittingAnswers(changes, challenge);
  const edited: StoredBid = { ...bid, ...changes, updatedAt: now.toISOString(), version: bid.version + 1 };
  const sealing = bid.status === 'submitted' ? await seal(edited, partners, challenge, viewer, 'resealed', ports) : undefined;
  const write: BidWrite = sealing
    ? { ...sealing, set: { ...changes, ...sealing.set, updatedAt: edited.updatedAt, version: edited.version } }
    : { at: edited.updatedAt, set: { ...changes, updatedAt: edited.updatedAt, version: edited.version } };
  requireWritten(await ports.bids.change(bid, write));
  return bidView({ ...edited, ...sealing?.set }, challenge, viewer, ports, { partners });
}
