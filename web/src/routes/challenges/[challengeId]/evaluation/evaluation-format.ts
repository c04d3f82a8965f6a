import type { Evaluation } from '$shared/bid.ts';

/** Bids the award may still choose: sealed and not yet decided. */
export const inTheRunning = (bid: Evaluation['bids'][number]) => bid.status === 'submitted' || bid.status === 'shortlisted';

/** The bids best first once ranked (the API ranks them when every evaluator has scored every bid), else as sealed. */
export const ranked = (evaluation: Evaluation) => [...evaluation.bids].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
