import type { Evaluation } from '#shared/bid.ts';
import { priceAgainstBudget } from '../bids/views.ts';
import { findChallenge } from '../challenges/get-challenge.ts';
import { effectiveStatus, publicStatuses } from '../challenges/lifecycle.ts';
import type { StoredChallenge, Viewer } from '../challenges/ports.ts';
import { actsForCommissioner } from '../challenges/viewer.ts';
import { conflictError } from '../errors.ts';
import { optional } from '../optional.ts';
import { evaluationState, scoredBy, type EvaluationState } from './evaluation-state.ts';
import type { EvaluationPorts } from './ports.ts';
import { bidResults } from './results.ts';

/** Bids that can still be shortlisted or awarded. */
export const inTheRunning = (status: string) => status === 'submitted' || status === 'shortlisted';

/** What the viewer may do now; each flag mirrors the check the server makes when they try. */
function permissions(challenge: StoredChallenge, state: EvaluationState, viewer: Viewer, now: Date): Evaluation['can'] {
  const status = effectiveStatus(challenge, now);
  const commissioner = actsForCommissioner(viewer, challenge);
  const evaluating = commissioner && status === 'closed';
  return {
    score: evaluating && state.bids.length > 0 && state.panel.some(({ userId }) => userId === viewer.userId),
    setPanel: commissioner && (status === 'published' || status === 'closed') && !state.revealed,
    shortlist: evaluating && state.bids.some((bid) => bid.status === 'submitted'),
    award: evaluating && state.revealed && state.bids.some((bid) => inTheRunning(bid.status)),
    declareNoAward: evaluating,
  };
}

/**
 * The evaluation as one member of the commissioning organisation sees it: everyone's progress and
 * their own scores; everyone's scores, the consensus and the ranking only once every evaluator has
 * scored every bid, so nobody is swayed by the others before scoring.
 */
export function evaluationView(challenge: StoredChallenge, state: EvaluationState, viewer: Viewer, now: Date): Evaluation {
  const results = new Map(bidResults(challenge, state).map((result) => [result.bidId, result]));
  const bids = state.bids.map((bid) => {
    const own = state.scores.find((score) => score.bidId === bid.bidId && score.evaluatorId === viewer.userId);
    const result = results.get(bid.bidId);
    return {
      bidId: bid.bidId,
      leadName: bid.leadName,
      status: bid.status,
      // A sealed bid always has its price: submitting needs one.
      priceCents: bid.priceCents!,
      priceAgainstBudget: priceAgainstBudget(bid.priceCents!, challenge)!,
      ...optional('yourScores', own?.scores),
      ...(result ? { criteria: result.criteria, weightedTotal: result.weightedTotal, rank: result.rank } : {}),
    };
  });
  const decided = challenge.status === 'awarded' || challenge.status === 'no_award';
  return {
    challengeId: challenge.challengeId,
    challengeTitle: challenge.title,
    challengeStatus: effectiveStatus(challenge, now),
    challengeVersion: challenge.version,
    criteria: challenge.criteria,
    panel: state.panel.map(({ userId, name }) => {
      const scoredBids = scoredBy(state, userId);
      return { userId, name, scoredBids, done: state.bids.length > 0 && scoredBids === state.bids.length };
    }),
    revealed: state.revealed,
    // Ranked once revealed (equal ranks keep the order they were sealed in), otherwise as sealed.
    bids: state.revealed ? bids.sort((a, b) => a.rank! - b.rank!) : bids,
    can: permissions(challenge, state, viewer, now),
    ...(decided ? optional('outcomeNote', challenge.statusNote) : {}),
    ...optional('awardedBidId', challenge.awardedBidId),
  };
}

/** The evaluation of a challenge as it stands now, for this viewer. */
export async function evaluationPage(challenge: StoredChallenge, viewer: Viewer, ports: EvaluationPorts): Promise<Evaluation> {
  return evaluationView(challenge, await evaluationState(challenge, ports), viewer, ports.now());
}

/**
 * A member of the commissioning organisation opens the evaluation: from publication on (before the
 * deadline only the panel shows, the bids stay sealed); a challenge never published has none (409).
 */
export async function getEvaluation(challengeId: string, viewer: Viewer, ports: EvaluationPorts): Promise<Evaluation> {
  const challenge = await findChallenge(challengeId, ports);
  if (!publicStatuses.includes(challenge.status)) throw conflictError(`This challenge is ${challenge.status.replace('_', ' ')}; it has no bids to evaluate.`);
  return evaluationPage(challenge, viewer, ports);
}
