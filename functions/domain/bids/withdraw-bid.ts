import type { Bid } from '#shared/bid.ts';
import type { Firm } from '../challenges/ports.ts';
import { conflictError } from '../errors.ts';
import { requireBiddingOpen } from './access.ts';
import { bidAuditLine } from './audit.ts';
import { findLedBid, requireVersion, requireWritten } from './get-bid.ts';
import type { BidPorts, StoredBid } from './ports.ts';
import { bidView } from './views.ts';

/**
 * The lead withdraws its submitted bid before the deadline: it no longer counts (nor shows in the
 * commissioner's count), its seal is cleared (the trail keeps it), and it may be edited and
 * submitted again while the challenge is open.
 */
export async function withdrawBid(bidId: string, version: number, viewer: Firm, ports: BidPorts): Promise<Bid> {
  const { bid, challenge, partners } = await findLedBid(bidId, viewer, ports);
  const now = ports.now();
  requireBiddingOpen(challenge, now);
  if (bid.status !== 'submitted') throw conflictError(`Only a submitted bid can be withdrawn; this one is ${bid.status.replace('_', ' ')}.`);
  requireVersion(bid, version);
  const set = { status: 'withdrawn' as const, updatedAt: now.toISOString(), version: bid.version + 1 };
  const outcome = await ports.bids.change(bid, {
    at: set.updatedAt,
    set,
    remove: ['sealedAt', 'sealDigest'],
    audit: bidAuditLine(bid, ports.newId(), now, 'withdrawn', viewer.userId),
  });
  requireWritten(outcome);
  const { sealedAt: _sealedAt, sealDigest: _sealDigest, ...unsealedBid } = bid;
  const withdrawn: StoredBid = { ...unsealedBid, ...set };
  return bidView(withdrawn, challenge, viewer, ports, { partners });
}
