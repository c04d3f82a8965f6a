import type { Debrief } from '#shared/bid.ts';
import { findChallenge } from '../challenges/get-challenge.ts';
import type { Viewer } from '../challenges/ports.ts';
import { conflictError, notFoundError } from '../errors.ts';
import { range } from './consensus.ts';
import { evaluationState } from './evaluation-state.ts';
import type { EvaluationPorts } from './ports.ts';
import { bidResults } from './results.ts';

const missing = () => notFoundError('There is no debrief for this bid, or it is not shown to you.');

/**
 * A bidder's debrief, once the challenge is decided:
 * 1. only for the members of the bid's lead firm and its confirmed partners, and only for a bid
 *    that was evaluated and decided (404 for anyone and anything else, so nothing shows it exists)
 * 2. only if every evaluator scored every bid (409): a no award may come before that
 * 3. per criterion and for the weighted total: the bid's own consensus beside the lowest, median
 *    and highest of all bids, which name no other bidder
 */
export async function getDebrief(bidId: string, viewer: Viewer, ports: EvaluationPorts): Promise<Debrief> {
  const bid = await ports.bids.bid(bidId);
  if (!bid || !viewer.organisationId || (bid.status !== 'awarded' && bid.status !== 'not_selected')) throw missing();
  const partners = await ports.bids.partners(bid.challengeId, bid.bidId);
  const firms = [bid.leadOrganisationId, ...partners.flatMap((partner) => (partner.status === 'confirmed' ? [partner.organisationId] : []))];
  if (!firms.includes(viewer.organisationId)) throw missing();
  const challenge = await findChallenge(bid.challengeId, ports);
  if (challenge.status !== 'awarded' && challenge.status !== 'no_award') throw missing();
  const results = bidResults(challenge, await evaluationState(challenge, ports));
  const yours = results.find((result) => result.bidId === bidId);
  if (!yours) throw conflictError('The commissioner decided before every evaluator had scored every bid, so there are no scores to compare.');
  return {
    bidId,
    challengeTitle: challenge.title,
    outcome: bid.status,
    ...(bid.feedback ? { feedback: bid.feedback } : {}),
    criteria: challenge.criteria.map(({ name, weight }, index) => ({
      name,
      weight,
      yours: yours.criteria[index]!.consensus,
      ...range(results.map((result) => result.criteria[index]!.consensus)),
    })),
    total: { yours: yours.weightedTotal, ...range(results.map((result) => result.weightedTotal)) },
    bidCount: results.length,
  };
}
