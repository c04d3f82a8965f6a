import { sealedBidStatuses, type Bid } from '#shared/bid.ts';
import { effectiveStatus } from '../challenges/lifecycle.ts';
import type { StoredChallenge, Viewer } from '../challenges/ports.ts';
import { actsForCommissioner } from '../challenges/viewer.ts';
import { conflictError } from '../errors.ts';
import type { StoredBid, StoredPartnership } from './ports.ts';

export type BidRole = Bid['yourRole'];

/** Whether the deadline has opened the sealed bids to the commissioner: from the close until the decision and after. */
export const bidsOpened = (challenge: StoredChallenge, now: Date) => ['closed', 'awarded', 'no_award'].includes(effectiveStatus(challenge, now));

/** Whether the bid can still change: the challenge is open (published, before its deadline). */
export const biddingOpen = (challenge: StoredChallenge, now: Date) => effectiveStatus(challenge, now) === 'published';

/** The partner of this bid that the viewer's organisation is, if it has not declined. */
export const partnerOf = (partners: StoredPartnership[], viewer: Viewer) =>
  partners.find((partner) => partner.organisationId === viewer.organisationId && partner.status !== 'declined');

/**
 * The viewer's relation to the bid, which is also whether they may see it at all (undefined: not):
 * the lead's members always (their own bid); its partners' members while their firm is verified; the
 * verified commissioner's members once the deadline has opened the bids, and only a sealed bid;
 * staff only once the firm asked them for help.
 * Competing firms never.
 */
export function bidRole(bid: StoredBid, partners: StoredPartnership[], challenge: StoredChallenge, viewer: Viewer, now: Date): BidRole | undefined {
  if (viewer.organisationId !== undefined && viewer.organisationId === bid.leadOrganisationId) return 'lead';
  // Another firm's bid and the commissioner's view of a sealed bid are for verified organisations only.
  if (viewer.organisationVerified && partnerOf(partners, viewer)) return 'partner';
  if (actsForCommissioner(viewer, challenge) && bidsOpened(challenge, now) && sealedBidStatuses.includes(bid.status)) return 'commissioner';
  if (viewer.staff && bid.helpRequestedAt !== undefined) return 'staff';
  return undefined;
}

/** Refuses (409) any change to a bid once the challenge is no longer open: after the deadline nothing about a bid changes. */
export function requireBiddingOpen(challenge: StoredChallenge, now: Date): void {
  if (biddingOpen(challenge, now)) return;
  const status = effectiveStatus(challenge, now);
  throw conflictError(
    status === 'closed' ? 'The bid deadline has passed; bids can no longer change.' : `This challenge is ${status.replace('_', ' ')}; bids can no longer change.`,
  );
}
