import { rateLimitedError } from './errors.ts';

/**
 * How often someone may make Crossover send a kind of email, per UTC day: an inbox can be flooded
 * only this far. The data layer counts each use in the same transaction as the email it pays for,
 * on condition that the count is still below `cap`, so no amount of concurrency gets past it.
 */
export interface DailyAllowance {
  /** What is counted, e.g. `member-invitations#<organisationId>`. */
  scope: string;
  cap: number;
  at: Date;
}

/** The caps of the allowances (from configuration). */
export interface DailyLimits {
  memberInvitationsPerOrganisation: number;
  partnerInvitationsPerBid: number;
  helpRequestsPerBid: number;
  amendmentsPerChallenge: number;
}

/** An allowance starts afresh at midnight UTC. */
export const secondsUntilTomorrow = (at: Date) => {
  const tomorrow = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() + 1);
  return (tomorrow - at.getTime()) / 1000;
};

/** 429 with Retry-After at the next UTC midnight. */
export const allowanceUsedUp = (message: string, at: Date) => rateLimitedError(message, secondsUntilTomorrow(at));
