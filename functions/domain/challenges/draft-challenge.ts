import type { Challenge, ChallengeTerms, CreateChallenge, UpdateChallenge } from '#shared/challenge.ts';
import { conflictError, invalidError } from '../errors.ts';
import type { StoredOrganisation } from '../organisations/ports.ts';
import { auditEntry, changedFields } from './audit.ts';
import { challengePage, findChallenge } from './get-challenge.ts';
import type { ChallengePorts, StoredChallenge, Viewer } from './ports.ts';
import { actsForCommissioner } from './viewer.ts';

const termFields = [
  'language',
  'title',
  'summary',
  'description',
  'disciplines',
  'budgetMinCents',
  'budgetMaxCents',
  'questionDeadline',
  'bidDeadline',
  'expectedStart',
  'durationWeeks',
  'workplace',
  'municipality',
  'type',
  'fundingInstrument',
  'coFinancingPercent',
  'consortiaAllowed',
  'criteria',
  'visibility',
  'attachments',
  'rights',
  'ndaRequired',
  'pitchFeeCents',
] as const satisfies readonly (keyof ChallengeTerms)[];

/** Terms as stored: deadlines in UTC, no place for remote work, and the text the word search reads. */
export function normalisedTerms(terms: ChallengeTerms) {
  const { municipality, ...rest } = terms;
  return {
    ...rest,
    ...(terms.workplace !== 'remote' && municipality ? { municipality } : {}),
    questionDeadline: new Date(terms.questionDeadline).toISOString(),
    bidDeadline: new Date(terms.bidDeadline).toISOString(),
  };
}

/** Deadlines must lie ahead when a challenge is written or submitted. */
function checkDeadlinesAhead(terms: Pick<ChallengeTerms, 'questionDeadline' | 'bidDeadline'>, now: Date) {
  if (Date.parse(terms.questionDeadline) <= now.getTime()) throw invalidError('The question deadline has passed; choose a later one.', 'body.questionDeadline');
  if (Date.parse(terms.bidDeadline) <= now.getTime()) throw invalidError('The bid deadline has passed; choose a later one.', 'body.bidDeadline');
}

/**
 * A verified commissioner drafts a challenge: it is stored as a draft of their organisation, with
 * the organisation's sector and name, and the first line of its audit trail.
 */
export async function createChallenge(terms: CreateChallenge, viewer: Viewer & { userId: string }, organisation: StoredOrganisation, ports: ChallengePorts): Promise<Challenge> {
  const now = ports.now();
  checkDeadlinesAhead(terms, now);
  const challengeId = ports.newId();
  const challenge: StoredChallenge = {
    ...normalisedTerms(terms),
    challengeId,
    organisationId: organisation.organisationId,
    commissionerName: organisation.name,
    sector: organisation.sector ?? 'other',
    status: 'draft',
    statusSince: now.toISOString(),
    createdAt: now.toISOString(),
    version: 1,
  };
  await ports.challenges.create(challenge, auditEntry(challengeId, ports.newId(), now, 'created', { role: 'commissioner', userId: viewer.userId }));
  return challengePage(challenge, viewer, ports);
}

/**
 * The commissioner rewrites a draft: only drafts change whole (409 otherwise); the edit must carry
 * the version it read (409 if stale); the audit trail records which fields changed from what to what.
 */
export async function updateChallenge(challengeId: string, edit: UpdateChallenge, viewer: Viewer & { userId: string }, ports: ChallengePorts): Promise<Challenge> {
  const stored = await findChallenge(challengeId, ports);
  if (!actsForCommissioner(viewer, stored)) throw conflictError('Only its verified commissioner can edit this challenge.');
  if (stored.status !== 'draft') throw conflictError(`This challenge is ${stored.status}; only drafts can be edited. A published challenge can only be amended.`);
  const { version, ...terms } = edit;
  if (version !== stored.version) throw stale();
  const now = ports.now();
  checkDeadlinesAhead(terms, now);
  const next = normalisedTerms(terms);
  const changes = changedFields(stored, next, termFields);
  const set = { ...next, version: version + 1 };
  const remove = stored.municipality !== undefined && next.municipality === undefined ? (['municipality'] as const) : [];
  const audit = auditEntry(challengeId, ports.newId(), now, 'edited', { role: 'commissioner', userId: viewer.userId }, { changes });
  if (!(await ports.challenges.change(challengeId, version, { set, remove: [...remove], audit }))) throw stale();
  const changed: StoredChallenge = { ...stored, ...set };
  if (remove.length) delete changed.municipality;
  return challengePage(changed, viewer, ports);
}

export const stale = () => conflictError('Someone changed this challenge since you opened it. Reload it and make your change again.', 'body.version');
