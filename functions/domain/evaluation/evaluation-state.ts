import type { StoredBid } from '../bids/ports.ts';
import type { ChallengePorts, StoredChallenge } from '../challenges/ports.ts';
import { openedBids } from './challenge-bids.ts';
import type { EvaluationPorts, StoredScore } from './ports.ts';

/** A member of the commissioning organisation who scores the bids. */
export interface Evaluator {
  userId: string;
  name: string;
}

/** The organisation's current members by name (an erased person is no longer one). */
export async function organisationMembers(challenge: StoredChallenge, ports: ChallengePorts): Promise<Evaluator[]> {
  const people = await ports.organisations.members(challenge.organisationId);
  return people
    .flatMap((person) => (person.role && !person.erasedAt ? [{ userId: person.userId, name: person.name ?? person.email }] : []))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Who evaluates: the members chosen for the panel, or every member while none are chosen. A chosen
 * evaluator who has since left the organisation is off the panel, so the evaluation never waits for them.
 */
export async function panelOf(challenge: StoredChallenge, ports: ChallengePorts): Promise<Evaluator[]> {
  const members = await organisationMembers(challenge, ports);
  const chosen = challenge.evaluatorIds;
  return chosen ? members.filter(({ userId }) => chosen.includes(userId)) : members;
}

/** Where the evaluation stands: who evaluates, the opened bids, the panel's scores and whether they show. */
export interface EvaluationState {
  panel: Evaluator[];
  /** The sealed bids in the order they were sealed; none before the deadline. */
  bids: StoredBid[];
  /** Scores by the current panel of the opened bids (an evaluator taken off the panel no longer counts). */
  scores: StoredScore[];
  /** Every evaluator has scored every bid: only then does anyone see the others' scores. */
  revealed: boolean;
}

/** The evaluation as stored now: one Query for the scores, one for the bids, one for the members. */
export async function evaluationState(challenge: StoredChallenge, ports: EvaluationPorts): Promise<EvaluationState> {
  const [panel, bids, stored] = await Promise.all([panelOf(challenge, ports), openedBids(challenge, ports), ports.evaluation.scores(challenge.challengeId)]);
  const onPanel = new Set(panel.map(({ userId }) => userId));
  const opened = new Set(bids.map(({ bidId }) => bidId));
  const scores = stored.filter((score) => onPanel.has(score.evaluatorId) && opened.has(score.bidId));
  const revealed = panel.length > 0 && bids.length > 0 && scores.length === panel.length * bids.length;
  return { panel, bids, scores, revealed };
}

/** How many bids this evaluator has scored. */
export const scoredBy = (state: EvaluationState, userId: string) => state.scores.filter(({ evaluatorId }) => evaluatorId === userId).length;
