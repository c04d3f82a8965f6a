import type { ChallengeStatus } from '#shared/challenge.ts';
import { conflictError } from '../errors.ts';

/**
 * The challenge lifecycle (PRODUCT.md): which statuses each transition may be taken from, where it
 * leads and who takes it. The server checks every transition against this table; the page's
 * buttons are derived from it too, so they never offer what the server would refuse.
 */
export const transitions = {
  submit: { from: ['draft'], to: 'submitted', by: 'commissioner', audit: 'submitted' },
  approve: { from: ['submitted'], to: 'published', by: 'staff', audit: 'approved' },
  requestChanges: { from: ['submitted'], to: 'draft', by: 'staff', audit: 'changes_requested' },
  reject: { from: ['submitted'], to: 'rejected', by: 'staff', audit: 'rejected' },
  cancel: { from: ['draft', 'submitted', 'published', 'closed'], to: 'cancelled', by: 'commissioner', audit: 'cancelled' },
  close: { from: ['published'], to: 'closed', by: 'system', audit: 'closed' },
  award: { from: ['closed'], to: 'awarded', by: 'commissioner', audit: 'awarded' },
  declareNoAward: { from: ['closed'], to: 'no_award', by: 'commissioner', audit: 'no_award' },
} as const satisfies Record<string, { from: readonly ChallengeStatus[]; to: ChallengeStatus; by: 'commissioner' | 'staff' | 'system'; audit: string }>;

export type Transition = keyof typeof transitions;

export const allows = (transition: Transition, status: ChallengeStatus) => (transitions[transition].from as readonly ChallengeStatus[]).includes(status);

/** Statuses in which a challenge is public (subject to its visibility): it has been published. */
export const publicStatuses: readonly ChallengeStatus[] = ['published', 'closed', 'awarded', 'no_award'];

/**
 * The status as everyone should see it now: a published challenge whose bid deadline has passed is
 * closed, even before the scheduled job has written that down.
 */
export function effectiveStatus(challenge: { status: ChallengeStatus; bidDeadline: string }, now: Date): ChallengeStatus {
  return challenge.status === 'published' && Date.parse(challenge.bidDeadline) <= now.getTime() ? 'closed' : challenge.status;
}

/** Refuses (409) what only an open challenge allows, naming the status it has now and saying what was refused. */
export function requireOpen(challenge: { status: ChallengeStatus; bidDeadline: string }, now: Date, refusal: string): void {
  const status = effectiveStatus(challenge, now);
  if (status !== 'published') throw conflictError(`This challenge is ${status.replace('_', ' ')}; ${refusal}.`);
}
