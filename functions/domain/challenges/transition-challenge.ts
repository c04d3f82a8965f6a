import type { Challenge } from '#shared/challenge.ts';
import { challengeAlertRun } from '../alerts/alert-runs.ts';
import type { NewAlertRun } from '../alerts/ports.ts';
import { conflictError } from '../errors.ts';
import type { OwedEmail } from '../kernel.ts';
import { auditEntry } from './audit.ts';
import { stale } from './draft-challenge.ts';
import { challengePage, findChallenge } from './get-challenge.ts';
import { allows, effectiveStatus, transitions } from './lifecycle.ts';
import type { ChallengeChanges, ChallengePorts, StoredChallenge, Viewer } from './ports.ts';
import { challengeEmail, commissionerRecipients, interestedFirmRecipients, staffRecipients } from './recipients.ts';

/** The transitions people take (the deadline close is the scheduler's). */
export type Decision =
  | { action: 'submit' | 'approve'; version: number }
  | { action: 'requestChanges'; version: number; comment: string }
  | { action: 'reject' | 'cancel'; version: number; reason: string };

const noteOf = (decision: Decision) => ('comment' in decision ? decision.comment : 'reason' in decision ? decision.reason : undefined);

/** What each transition writes besides the status, and whom it tells. */
async function effects(
  decision: Decision,
  challenge: StoredChallenge,
  ports: ChallengePorts,
  at: string,
): Promise<{ set: ChallengeChanges; remove: (keyof ChallengeChanges)[]; emails: OwedEmail[]; alertRun?: NewAlertRun; fileQuestionDeadline?: boolean }> {
  const note = noteOf(decision);
  switch (decision.action) {
    case 'submit':
      return { set: { submittedAt: at }, remove: ['statusNote'], emails: challengeEmail('challenge.submitted', challenge, await staffRecipients(ports)) };
    case 'approve':
      return {
        set: { publishedAt: at, listing: 'open', openUntil: challenge.bidDeadline },
        remove: ['statusNote'],
        emails: challengeEmail('challenge.approved', challenge, await commissionerRecipients(challenge, ports)),
        // Every subscriber it fits hears of it: the fan-out starts in the same transaction, so it starts exactly once.
        alertRun: challengeAlertRun(challenge, at),
        // Its followers are reminded 48 hours before the question deadline.
        fileQuestionDeadline: true,
      };
    case 'requestChanges':
      return {
        set: { statusNote: note },
        remove: [],
        emails: challengeEmail('challenge.changes_requested', challenge, await commissionerRecipients(challenge, ports), { comment: note }),
      };
    case 'reject':
      return { set: { statusNote: note }, remove: [], emails: challengeEmail('challenge.rejected', challenge, await commissionerRecipients(challenge, ports), { reason: note }) };
    case 'cancel': {
      // Only firms that could have seen it are told: it was published, and they may still read it.
      const firms = challenge.publishedAt ? await interestedFirmRecipients(challenge, 'challenge', ports) : [];
      return {
        set: { statusNote: note },
        remove: challenge.listing ? ['listing', 'openUntil'] : [],
        emails: challengeEmail('challenge.cancelled', challenge, firms, { reason: note }),
      };
    }
  }
}

/**
 * A commissioner submits or cancels, staff approve, request changes or reject:
 * 1. the transition must be allowed from the challenge's status as it stands now (409 naming that status;
 *    a published challenge past its deadline counts as closed)
 * 2. the request must carry the version it read (409 if stale)
 * 3. submitting and approving need deadlines still ahead (422 / 409)
 * 4. the new status, the audit line and the emails it owes are written in one transaction, only if
 *    nobody changed the challenge in between
 */
export async function transitionChallenge(challengeId: string, decision: Decision, viewer: Viewer & { userId: string }, ports: ChallengePorts): Promise<Challenge> {
  const challenge = await findChallenge(challengeId, ports);
  const now = ports.now();
  const status = effectiveStatus(challenge, now);
  const rule = transitions[decision.action];
  if (!allows(decision.action, status)) {
    throw conflictError(`This challenge is ${status.replace('_', ' ')}; it can be ${rule.audit.replace('_', ' ')} only when it is ${rule.from.join(' or ')}.`);
  }
  if (decision.version !== challenge.version) throw stale();
  const deadlinePassed = Date.parse(challenge.questionDeadline) <= now.getTime();
  if (decision.action === 'submit' && deadlinePassed) throw conflictError('Its question deadline has passed; edit the draft and set later deadlines first.');
  if (decision.action === 'approve' && deadlinePassed) throw conflictError('Its question deadline has passed; request changes so the commissioner can set later deadlines.');
  const at = now.toISOString();
  const { set, remove, emails, alertRun, fileQuestionDeadline } = await effects(decision, challenge, ports, at);
  const changes: ChallengeChanges = { ...set, status: rule.to, statusSince: at, version: challenge.version + 1 };
  const note = noteOf(decision);
  const audit = auditEntry(
    challengeId,
    ports.newId(),
    now,
    rule.audit,
    { role: rule.by === 'staff' ? 'staff' : 'commissioner', userId: viewer.userId },
    {
      ...(note ? { note } : {}),
      changes: [{ field: 'status', from: challenge.status, to: rule.to }],
    },
  );
  if (!(await ports.challenges.change(challengeId, challenge.version, { set: changes, remove, audit, emails, ...(alertRun ? { alertRun, fileQuestionDeadline } : {}) })))
    throw stale();
  const changed: StoredChallenge = { ...challenge, ...changes };
  for (const key of remove) delete changed[key];
  return challengePage(changed, viewer, ports);
}
