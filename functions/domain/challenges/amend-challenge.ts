import type { AmendChallenge, Challenge } from '#shared/challenge.ts';
import { allowanceUsedUp } from '../daily-allowance.ts';
import { invalidError } from '../errors.ts';
import { auditEntry, changedFields } from './audit.ts';
import { stale } from './draft-challenge.ts';
import { challengePage, findChallenge } from './get-challenge.ts';
import { requireOpen } from './lifecycle.ts';
import type { ChallengeChanges, ChallengePorts, StoredChallenge, Viewer } from './ports.ts';
import { challengeEmail, interestedFirms, readersAmong } from './recipients.ts';

const later = (next: string | undefined, current: string) => (next === undefined ? current : new Date(next).toISOString());

/**
 * A published challenge is frozen but for two amendments: later deadlines and added attachments.
 * A deadline may only move later (422 naming it), the question deadline stays before the bid deadline,
 * and every firm that has shown interest is told what its page shows of the change (the attachments
 * only with the NDA accepted), in the same transaction as the change. As each amendment emails every
 * interested firm, a challenge takes only a few a day (429 after).
 */
export async function amendChallenge(challengeId: string, amendment: AmendChallenge, viewer: Viewer & { userId: string }, ports: ChallengePorts): Promise<Challenge> {
  const challenge = await findChallenge(challengeId, ports);
  const now = ports.now();
  requireOpen(challenge, now, 'only an open challenge can be amended');
  if (amendment.version !== challenge.version) throw stale();
  const bidDeadline = later(amendment.bidDeadline, challenge.bidDeadline);
  const questionDeadline = later(amendment.questionDeadline, challenge.questionDeadline);
  if (bidDeadline < challenge.bidDeadline) throw invalidError('A bid deadline can only be extended, not brought forward.', 'body.bidDeadline');
  if (questionDeadline < challenge.questionDeadline) throw invalidError('A question deadline can only be extended, not brought forward.', 'body.questionDeadline');
  if (questionDeadline >= bidDeadline) throw invalidError('The question deadline must be before the bid deadline.', 'body.questionDeadline');
  const attachments = [...challenge.attachments, ...(amendment.addAttachments ?? [])];
  if (attachments.length > 20) throw invalidError('A challenge has at most 20 attachments.', 'body.addAttachments');
  const next: ChallengeChanges = { bidDeadline, questionDeadline, attachments, openUntil: bidDeadline, listing: 'open' };
  const changes = changedFields(challenge, next, ['bidDeadline', 'questionDeadline', 'attachments']);
  if (!changes.length) throw invalidError('This changes nothing: extend a deadline or add an attachment.', 'body.bidDeadline');
  const firms = await interestedFirms(challenge, ports);
  const [briefReaders, summaryReaders] = await Promise.all([readersAmong(challenge, firms, 'brief', ports), readersAmong(challenge, firms, 'challenge', ports)]);
  // A firm that has not accepted the NDA sees the deadlines on the page but not the attachments: it hears of new deadlines only.
  const deadlinesOnly = changes.some(({ field }) => field !== 'attachments') ? summaryReaders.filter(({ email }) => !briefReaders.some((reader) => reader.email === email)) : [];
  const emails = [
    ...challengeEmail('challenge.amended', challenge, briefReaders, { bidDeadline, questionDeadline, addedAttachments: amendment.addAttachments?.length ?? 0 }),
    ...challengeEmail('challenge.amended', challenge, deadlinesOnly, { bidDeadline, questionDeadline, addedAttachments: 0 }),
  ];
  const audit = auditEntry(challengeId, ports.newId(), now, 'amended', { role: 'commissioner', userId: viewer.userId }, { changes });
  const set = { ...next, version: challenge.version + 1 };
  const cap = ports.limits.amendmentsPerChallenge;
  const outcome = await ports.challenges.amend(challengeId, challenge.version, { set, audit, emails }, { scope: `amendments#${challengeId}`, cap, at: now });
  if (outcome === 'allowanceUsedUp')
    throw allowanceUsedUp(`This challenge was amended ${cap} times today, the most a day allows, as each amendment emails every interested firm; amend again tomorrow.`, now);
  if (outcome === 'stale') throw stale();
  const changed: StoredChallenge = { ...challenge, ...set };
  return challengePage(changed, viewer, ports);
}
