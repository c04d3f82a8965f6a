import type { Evaluation } from '#shared/bid.ts';
import type { StoredBid } from '../bids/ports.ts';
import { auditEntry } from '../challenges/audit.ts';
import { stale } from '../challenges/draft-challenge.ts';
import { findChallenge } from '../challenges/get-challenge.ts';
import { allows, effectiveStatus, transitions } from '../challenges/lifecycle.ts';
import type { ChallengeChanges, StoredAuditEntry, StoredChallenge, Viewer } from '../challenges/ports.ts';
import { challengeEmail } from '../challenges/recipients.ts';
import { conflictError } from '../errors.ts';
import type { OwedEmail } from '../kernel.ts';
import { bidderRecipients } from './bidder-recipients.ts';
import { evaluationState, type EvaluationState } from './evaluation-state.ts';
import { evaluationPage, inTheRunning } from './evaluation-view.ts';
import type { BidOutcome, EvaluationPorts } from './ports.ts';

/**
 * A decision writes the challenge, its audit line, two emails and every bid in one transaction of
 * at most 100 items; more bids than this cannot be decided atomically.
 */
export const MAX_DECIDED_BIDS = 96;

/** What a decision does besides closing the evaluation: each bid's outcome, the challenge's own fields, the emails. */
interface Consequences {
  outcomes: BidOutcome[];
  set: ChallengeChanges;
  changes: StoredAuditEntry['changes'];
  note: string;
  emails: OwedEmail[];
}

/**
 * The commissioner decides (awards or declares no award):
 * 1. only on a closed challenge: a published one past its deadline counts as closed and is closed
 *    by the decision itself (409 for any other status, e.g. one decided already)
 * 2. the request must carry the version it read (409 if stale)
 * 3. at most MAX_DECIDED_BIDS bids (409)
 * 4. the challenge's new status, every bid's outcome, the audit line and the emails are written in
 *    one transaction, only if nobody decided or changed anything meanwhile: of two decisions at
 *    once exactly one is taken, the other gets 409
 */
async function decide(
  challengeId: string,
  action: 'award' | 'declareNoAward',
  version: number,
  consequences: (challenge: StoredChallenge, state: EvaluationState) => Promise<Consequences>,
  viewer: Viewer & { userId: string },
  ports: EvaluationPorts,
): Promise<Evaluation> {
  const challenge = await findChallenge(challengeId, ports);
  const now = ports.now();
  const status = effectiveStatus(challenge, now);
  const rule = transitions[action];
  if (!allows(action, status)) {
    throw conflictError(`This challenge is ${status.replace('_', ' ')}; a decision can be taken only once its deadline has passed, and only once.`);
  }
  if (version !== challenge.version) throw stale();
  const state = await evaluationState(challenge, ports);
  if (state.bids.length > MAX_DECIDED_BIDS)
    throw conflictError(`This challenge has ${state.bids.length} bids; at most ${MAX_DECIDED_BIDS} can be decided at once. Ask the cluster staff for help.`);
  const { outcomes, set, changes, note, emails } = await consequences(challenge, state);
  const at = now.toISOString();
  const decided: ChallengeChanges = {
    ...set,
    // The panel as it decided: a member who joins later does not hide the scores again.
    ...(state.panel.length ? { evaluatorIds: state.panel.map(({ userId }) => userId) } : {}),
    status: rule.to,
    statusSince: at,
    statusNote: note,
    decidedAt: at,
    closedAt: challenge.closedAt ?? at,
    version: version + 1,
  };
  const remove = challenge.listing ? (['listing', 'openUntil'] as const) : [];
  const audit = auditEntry(
    challengeId,
    ports.newId(),
    now,
    rule.audit,
    { role: 'commissioner', userId: viewer.userId },
    {
      note,
      changes: [{ field: 'status', from: challenge.status, to: rule.to }, ...changes],
    },
  );
  const written = await ports.evaluation.decide({ challengeId, expectedVersion: version, at, set: decided, remove: [...remove], outcomes, audit, emails });
  if (!written) throw stale();
  const changed: StoredChallenge = { ...challenge, ...decided };
  for (const key of remove) delete changed[key];
  return evaluationPage(changed, viewer, ports);
}

const stillOpen = (bids: StoredBid[]) => bids.filter((bid) => inTheRunning(bid.status));

/**
 * The commissioner awards the commission to one bid, once every evaluator has scored every bid
 * (409 before): a submitted or shortlisted bid of this challenge (409 naming `body.bidId` for any
 * other). The bid is awarded, every other not selected with the feedback; its firms and theirs are told.
 */
export async function awardChallenge(
  challengeId: string,
  { version, bidId, feedback }: { version: number; bidId: string; feedback: string },
  viewer: Viewer & { userId: string },
  ports: EvaluationPorts,
): Promise<Evaluation> {
  return decide(
    challengeId,
    'award',
    version,
    async (challenge, state) => {
      if (!state.revealed) throw conflictError('Every evaluator must score every bid first.');
      const bids = stillOpen(state.bids);
      const winner = bids.find((bid) => bid.bidId === bidId);
      if (!winner) throw conflictError('Only a submitted or shortlisted bid of this challenge can be awarded.', 'body.bidId');
      const others = bids.filter((bid) => bid !== winner);
      const [winners, losers] = await Promise.all([bidderRecipients(challenge, [winner], ports), bidderRecipients(challenge, others, ports)]);
      return {
        outcomes: [{ bidId, from: winner.status, to: 'awarded' }, ...others.map((bid) => ({ bidId: bid.bidId, from: bid.status, to: 'not_selected' as const, feedback }))],
        set: { awardedBidId: bidId },
        changes: [{ field: 'awardedBidId', to: bidId }],
        note: feedback,
        emails: [...challengeEmail('bid.awarded', challenge, winners, { bidId }), ...challengeEmail('bid.not_selected', challenge, losers, { feedback })],
      };
    },
    viewer,
    ports,
  );
}

/** The commissioner closes the challenge without an award, scored or not: every bid is not selected, every bidder told the reason. */
export async function declareNoAward(
  challengeId: string,
  { version, reason }: { version: number; reason: string },
  viewer: Viewer & { userId: string },
  ports: EvaluationPorts,
): Promise<Evaluation> {
  return decide(
    challengeId,
    'declareNoAward',
    version,
    async (challenge, state) => {
      const bids = stillOpen(state.bids);
      return {
        outcomes: bids.map((bid) => ({ bidId: bid.bidId, from: bid.status, to: 'not_selected' as const, feedback: reason })),
        set: {},
        changes: [],
        note: reason,
        emails: challengeEmail('challenge.no_award', challenge, await bidderRecipients(challenge, bids, ports), { reason }),
      };
    },
    viewer,
    ports,
  );
}
