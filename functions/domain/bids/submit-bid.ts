import type { Bid } from '#shared/bid.ts';
import type { Firm } from '../challenges/ports.ts';
import { conflictError } from '../errors.ts';
import { requireBiddingOpen } from './access.ts';
import { findLedBid, requireVersion, requireWritten } from './get-bid.ts';
import type { BidPorts } from './ports.ts';
import { seal } from './seal.ts';
import { bidView, unsealed } from './views.ts';

/**
 * The lead submits its draft (or its withdrawn bid, again) before the deadline: the bid is sealed
 * (see `seal`) and its receipt comes back with it; the commissioner learns only that one more bid
 * is in, not whose, until the deadline.
 */
export async function submitBid(bidId: string, version: number, viewer: Firm, ports: BidPorts): Promise<Bid> {
  const { bid, challenge, partners } = await findLedBid(bidId, viewer, ports);
  requireBiddingOpen(challenge, ports.now());
  if (!unsealed.includes(bid.status)) throw conflictError(`This bid is ${bid.status.replace('_', ' ')} already.`);
  requireVersion(bid, version);
  const sealing = await seal(bid, partners, challenge, viewer, 'submitted', ports);
  const set = { ...sealing.set, updatedAt: sealing.at, version: bid.version + 1 };
  requireWritten(await ports.bids.change(bid, { ...sealing, set }));
  return bidView({ ...bid, ...set }, challenge, viewer, ports, { partners });
}
