import type { StoredBid, StoredBidAudit } from './ports.ts';

/** One line of a bid's audit trail. */
export function bidAuditLine(
  bid: Pick<StoredBid, 'challengeId' | 'bidId'>,
  entryId: string,
  at: Date,
  action: string,
  actorUserId?: string,
  extra: { digest?: string; note?: string } = {},
): StoredBidAudit {
  return {
    challengeId: bid.challengeId,
    bidId: bid.bidId,
    entryId,
    at: at.toISOString(),
    action,
    ...(actorUserId ? { actorUserId } : {}),
    ...(extra.digest ? { digest: extra.digest } : {}),
    ...(extra.note ? { note: extra.note } : {}),
  };
}
