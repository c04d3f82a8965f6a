import type { Evaluation, ScoreBid } from '#shared/bid.ts';
import { findChallenge } from '../challenges/get-challenge.ts';
import type { Viewer } from '../challenges/ports.ts';
import { conflictError, invalidError } from '../errors.ts';
import { openedBid, requireEvaluating } from './challenge-bids.ts';
import { panelOf } from './evaluation-state.ts';
import { evaluationPage } from './evaluation-view.ts';
import type { EvaluationPorts } from './ports.ts';

/**
 * An evaluator scores one bid, or revises their scores:
 * 1. only after the deadline and until the decision (409)
 * 2. only an opened (sealed) bid of this challenge (404 for any other)
 * 3. only a member of the panel (409)
 * 4. one score per criterion (422 naming `body.scores`)
 * 5. stored only if the panel and the decision did not change meanwhile (409)
 */
export async function scoreBid(challengeId: string, bidId: string, { scores }: ScoreBid, viewer: Viewer & { userId: string }, ports: EvaluationPorts): Promise<Evaluation> {
  const challenge = await findChallenge(challengeId, ports);
  const now = ports.now();
  requireEvaluating(challenge, now, 'scores can be given only until the award');
  await openedBid(challenge, bidId, ports);
  if (!(await panelOf(challenge, ports)).some(({ userId }) => userId === viewer.userId)) throw conflictError('You are not on the evaluation panel of this challenge.');
  const criteria = challenge.criteria.length;
  if (scores.length !== criteria) throw invalidError(`Give one score for each of the ${criteria} criteria, in their order.`, 'body.scores');
  const written = await ports.evaluation.score({ challengeId, bidId, evaluatorId: viewer.userId, scores, scoredAt: now.toISOString() }, challenge.version);
  if (!written) throw conflictError('The evaluation changed since you opened it (its panel, or a decision). Reload it and score again.');
  return evaluationPage(challenge, viewer, ports);
}
