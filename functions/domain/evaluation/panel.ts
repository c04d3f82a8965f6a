import type { Evaluation } from '#shared/bid.ts';
import { conflictError, invalidError } from '../errors.ts';
import { auditEntry } from '../challenges/audit.ts';
import { stale } from '../challenges/draft-challenge.ts';
import { findChallenge } from '../challenges/get-challenge.ts';
import { effectiveStatus } from '../challenges/lifecycle.ts';
import type { Viewer } from '../challenges/ports.ts';
import { evaluationState, organisationMembers } from './evaluation-state.ts';
import { evaluationPage } from './evaluation-view.ts';
import type { EvaluationPorts } from './ports.ts';

/**
 * The commissioner chooses the panel:
 * 1. only while bidding runs or the bids are being evaluated, and only until every evaluator has
 *    scored every bid (409): changing the panel after the reveal would change who saw what
 * 2. the request must carry the version it read (409 if stale)
 * 3. every evaluator must be a member of the organisation (422 naming `body.evaluatorIds`)
 * 4. the panel and its audit line are written only if nobody changed the challenge in between
 */
export async function setEvaluationPanel(
  challengeId: string,
  { version, evaluatorIds }: { version: number; evaluatorIds: string[] },
  viewer: Viewer & { userId: string },
  ports: EvaluationPorts,
): Promise<Evaluation> {
  const challenge = await findChallenge(challengeId, ports);
  const now = ports.now();
  const status = effectiveStatus(challenge, now);
  if (status !== 'published' && status !== 'closed') throw conflictError(`This challenge is ${status.replace('_', ' ')}; its evaluation panel can no longer change.`);
  if (version !== challenge.version) throw stale();
  const members = await organisationMembers(challenge, ports);
  const chosen = [...new Set(evaluatorIds)];
  const panel = members.filter(({ userId }) => chosen.includes(userId));
  if (panel.length !== chosen.length) throw invalidError('Choose evaluators among the members of your organisation.', 'body.evaluatorIds');
  if ((await evaluationState(challenge, ports)).revealed) {
    throw conflictError('Every evaluator has scored every bid, so the scores are revealed; the panel can no longer change.');
  }
  const audit = auditEntry(
    challengeId,
    ports.newId(),
    now,
    'evaluation_panel_set',
    { role: 'commissioner', userId: viewer.userId },
    {
      note: panel.map(({ name }) => name).join(', '),
    },
  );
  const set = { evaluatorIds: chosen, version: version + 1 };
  if (!(await ports.challenges.change(challengeId, version, { set, audit }))) throw stale();
  return evaluationPage({ ...challenge, ...set }, viewer, ports);
}
