import type { Evaluation } from '#shared/bid.ts';
import { findChallenge } from '../challenges/get-challenge.ts';
import type { Viewer } from '../challenges/ports.ts';
import { challengeEmail } from '../challenges/recipients.ts';
import { conflictError } from '../errors.ts';
import { bidderRecipients } from './bidder-recipients.ts';
import { openedBid, requireEvaluating } from './challenge-bids.ts';
import { evaluationPage } from './evaluation-view.ts';
import type { EvaluationPorts } from './ports.ts';

/**
 * The commissioner shortlists a bid:
 * 1. only after the deadline and until the decision (409)
 * 2. only an opened bid of this challenge (404 for any other), and only a submitted one (409)
 * 3. the bid's new status, its audit line and the email to its firms are written in one
 *    transaction, only if the bid is still submitted and nobody decided meanwhile (409)
 */
export async function shortlistBid(challengeId: string, bidId: string, viewer: Viewer & { userId: string }, ports: EvaluationPorts): Promise<Evaluation> {
  const challenge = await findChallenge(challengeId, ports);
  const now = ports.now();
  requireEvaluating(challenge, now, 'bids can be shortlisted only until the award');
  const bid = await openedBid(challenge, bidId, ports);
  if (bid.status !== 'submitted') throw conflictError(`This bid is ${bid.status.replace('_', ' ')}; only a submitted bid can be shortlisted.`);
  const emails = challengeEmail('bid.shortlisted', challenge, await bidderRecipients(challenge, [bid], ports), { bidId, pitchFeeCents: challenge.pitchFeeCents });
  const written = await ports.evaluation.shortlist({ challengeId, bidId, challengeVersion: challenge.version, at: now.toISOString(), actorUserId: viewer.userId, emails });
  if (!written) throw conflictError('The evaluation changed since you opened it. Reload it and try again.');
  return evaluationPage(challenge, viewer, ports);
}
