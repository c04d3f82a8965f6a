import type { AlertedChallenge } from '#shared/alerts.ts';
import type { StoredChallenge } from '../challenges/ports.ts';
import type { NewAlertRun } from './ports.ts';

/** The subscription key of those who chose no discipline: they hear of every challenge's. */
export const anyDisciplineKey = 'discipline:any';
export const disciplineKey = (discipline: string) => `discipline:${discipline}`;

/** A challenge as its alert quotes it: the public summary and the facts people match on, never the brief. */
export const alertedChallenge = (challenge: StoredChallenge): AlertedChallenge => ({
  challengeId: challenge.challengeId,
  organisationId: challenge.organisationId,
  title: challenge.title,
  summary: challenge.summary,
  commissionerName: challenge.commissionerName,
  sector: challenge.sector,
  disciplines: [...challenge.disciplines],
  type: challenge.type,
  fundingInstrument: challenge.fundingInstrument,
  budgetMinCents: challenge.budgetMinCents,
  budgetMaxCents: challenge.budgetMaxCents,
  ...(challenge.municipality ? { municipality: challenge.municipality } : {}),
  remote: challenge.workplace === 'remote',
  questionDeadline: challenge.questionDeadline,
  bidDeadline: challenge.bidDeadline,
  visibility: challenge.visibility,
  ndaRequired: challenge.ndaRequired,
});

/** The keys a run walks: each discipline of its challenges once, in order, then those who chose none. */
export const runKeys = (challenges: readonly AlertedChallenge[]) =>
  [...new Set(challenges.flatMap((challenge) => challenge.disciplines))].map(disciplineKey).concat(challenges.length ? [anyDisciplineKey] : []);

/** The fan-out a challenge's publication starts, once per challenge (the run's id is the challenge's). */
export function challengeAlertRun(challenge: StoredChallenge, at: string): NewAlertRun {
  const alerted = alertedChallenge(challenge);
  return {
    runId: `challenge-${challenge.challengeId}`,
    kind: 'challenge',
    title: challenge.title,
    challengeId: challenge.challengeId,
    frequency: 'immediately',
    keys: runKeys([alerted]),
    challenges: [alerted],
    startedAt: at,
  };
}
