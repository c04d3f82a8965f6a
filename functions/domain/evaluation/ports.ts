import type { BidStatus, ScoreBid } from '#shared/bid.ts';
import type { BidPorts } from '../bids/ports.ts';
import type { ChallengeChanges, StoredAuditEntry } from '../challenges/ports.ts';
import type { OwedEmail } from '../kernel.ts';

/** One evaluator's scores of one bid, one per criterion in the challenge's order. */
export interface StoredScore {
  challengeId: string;
  bidId: string;
  evaluatorId: string;
  scores: ScoreBid['scores'];
  scoredAt: string;
}

/** A submitted bid put on the shortlist, its bid-audit line and the email it owes. */
export interface Shortlisting {
  challengeId: string;
  bidId: string;
  /** The challenge as read: a decision in between refuses the shortlisting. */
  challengeVersion: number;
  at: string;
  actorUserId: string;
  emails: OwedEmail[];
}

/** What a decision does to one sealed bid; written only if the bid still has the status it was read with. */
export interface BidOutcome {
  bidId: string;
  from: BidStatus;
  to: 'awarded' | 'not_selected';
  /** The commissioner's words to the firms not selected. */
  feedback?: string;
}

/** An award or a no-award: the challenge's new state, every sealed bid's outcome, the audit line and the emails, in one transaction. */
export interface Decision {
  challengeId: string;
  expectedVersion: number;
  /** Now: a challenge still published must have passed its deadline by then. */
  at: string;
  set: ChallengeChanges;
  remove: (keyof ChallengeChanges)[];
  outcomes: BidOutcome[];
  audit: StoredAuditEntry;
  emails: OwedEmail[];
}

/** The stored side of the evaluation: scores, the shortlist and the decision (the panel is a plain challenge change). */
export interface EvaluationStore {
  /** Every score of this challenge's bids. */
  scores(challengeId: string): Promise<StoredScore[]>;
  /** Stores (or replaces) one evaluator's scores of one bid, only if the challenge is still at `challengeVersion`. */
  score(score: StoredScore, challengeVersion: number): Promise<boolean>;
  /** Only if the bid is still submitted and the challenge still at its version; false otherwise. */
  shortlist(shortlisting: Shortlisting): Promise<boolean>;
  /** Only if the challenge is still at its version and closed (or published past its deadline) and every bid as read; false otherwise. */
  decide(decision: Decision): Promise<boolean>;
}

/** What the evaluation use cases need: the bids' ports and the evaluation's store. */
export interface EvaluationPorts extends BidPorts {
  evaluation: EvaluationStore;
}
