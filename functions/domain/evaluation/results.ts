import type { StoredChallenge } from '../challenges/ports.ts';
import { consensus, ranks, spread, weightedTotal } from './consensus.ts';
import type { EvaluationState } from './evaluation-state.ts';

/** One bid's result once revealed: per criterion the consensus, its spread and each evaluator's score; the weighted total and rank. */
export interface BidResult {
  bidId: string;
  criteria: { consensus: number; spread: { lowest: number; highest: number }; scores: { evaluatorName: string; score: number; comment: string }[] }[];
  weightedTotal: number;
  rank: number;
}

/**
 * Every opened bid's result, in the order of the state's bids; only once revealed (every evaluator
 * has scored every bid), so every consensus is over the whole panel.
 */
export function bidResults(challenge: StoredChallenge, state: EvaluationState): BidResult[] {
  if (!state.revealed) return [];
  const weights = challenge.criteria.map(({ weight }) => weight);
  const scored = state.bids.map(({ bidId }) => {
    const byPanel = state.panel.map((evaluator) => ({ evaluator, scores: state.scores.find((score) => score.bidId === bidId && score.evaluatorId === evaluator.userId)!.scores }));
    const criteria = challenge.criteria.map((_, index) => {
      const given = byPanel.map(({ evaluator, scores }) => ({ evaluatorName: evaluator.name, score: scores[index]!.score, comment: scores[index]!.comment }));
      const values = given.map(({ score }) => score);
      return { consensus: consensus(values), spread: spread(values), scores: given };
    });
    return {
      bidId,
      criteria,
      weightedTotal: weightedTotal(
        criteria.map((criterion) => criterion.consensus),
        weights,
      ),
    };
  });
  const rankOf = ranks(scored.map(({ weightedTotal: total }) => total));
  return scored.map((result, index) => ({ ...result, rank: rankOf[index]! }));
}
