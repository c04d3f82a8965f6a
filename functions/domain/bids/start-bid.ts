import type { Bid, CreateBid } from '#shared/bid.ts';
import { findVisibleChallenge } from '../challenges/get-challenge.ts';
import type { Firm, StoredChallenge } from '../challenges/ports.ts';
import { conflictError, invalidError } from '../errors.ts';
import { requireBiddingOpen } from './access.ts';
import { bidAuditLine } from './audit.ts';
import { requireWritten } from './get-bid.ts';
import type { BidPorts, StoredBid } from './ports.ts';
import { bidView } from './views.ts';

/** Refuses (422) more criterion answers than the challenge has criteria. */
export function requireFittingAnswers(content: Pick<CreateBid, 'criterionAnswers'>, challenge: StoredChallenge): void {
  if ((content.criterionAnswers?.length ?? 0) > challenge.criteria.length) {
    throw invalidError(`This challenge has ${challenge.criteria.length} criteria; give one answer for each.`, 'body.criterionAnswers');
  }
}

/**
 * A verified firm starts its bid, as a draft holding whatever it has written so far:
 * 1. only on an open challenge it may see (404 / 409), its NDA accepted if one is required (409)
 * 2. one bid per firm per challenge: its bidder guard is created with the bid only if absent, so a
 *    second attempt, even at the same moment, gets 409 (so does a firm that is a partner in a bid)
 */
export async function createBid(challengeId: string, content: CreateBid, viewer: Firm, ports: BidPorts): Promise<Bid> {
  const challenge = await findVisibleChallenge(challengeId, viewer, ports);
  const now = ports.now();
  requireBiddingOpen(challenge, now);
  if (challenge.ndaRequired && !(await ports.challenges.ndaAccepted(challengeId, viewer.organisationId))) {
    throw conflictError('Accept the non-disclosure agreement of this challenge before you bid.');
  }
  requireFittingAnswers(content, challenge);
  const firm = await ports.organisations.organisation(viewer.organisationId);
  if (!firm) throw new Error(`The firm ${viewer.organisationId} of a signed-in member is missing`);
  const at = now.toISOString();
  const bid: StoredBid = {
    ...content,
    challengeId,
    bidId: ports.newId(),
    leadOrganisationId: firm.organisationId,
    leadName: firm.name,
    status: 'draft',
    createdAt: at,
    createdByUserId: viewer.userId,
    updatedAt: at,
    version: 1,
  };
  const outcome = await ports.bids.start(bid, bidAuditLine(bid, ports.newId(), now, 'started', viewer.userId), at);
  requireWritten(outcome, 'Your firm already has a bid on this challenge, or is a partner in one.');
  return bidView(bid, challenge, viewer, ports, { partners: [] });
}
