import type { ChallengeStore } from '../challenges/ports.ts';
import { alertedChallenge, runKeys } from './alert-runs.ts';
import type { AlertRunStore } from './ports.ts';

/** The most challenges one digest lists: the week's most recent, so that a chunk of 50 digests stays far below DynamoDB's 400 KB item size. */
export const DIGEST_MOST_CHALLENGES = 30;

export interface DigestPorts {
  runs: Pick<AlertRunStore, 'start'>;
  challenges: Pick<ChallengeStore, 'publishedBetween'>;
  now(): Date;
}

const DAY = 24 * 60 * 60 * 1000;

/** Monday 00:00 UTC of the ISO week `date` falls in. */
const mondayOf = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) - ((date.getUTCDay() + 6) % 7) * DAY);

/** The ISO 8601 week of a date, as `2026-W49` (the year is the week's Thursday's). */
export function isoWeek(date: Date): string {
  const thursday = new Date(mondayOf(date).getTime() + 3 * DAY);
  const firstThursday = mondayOf(new Date(Date.UTC(thursday.getUTCFullYear(), 0, 4))).getTime() + 3 * DAY;
  return `${thursday.getUTCFullYear()}-W${String(1 + Math.round((thursday.getTime() - firstThursday) / (7 * DAY))).padStart(2, '0')}`;
}

/**
 * Starts the weekly digest of the week before this one, once (EventBridge Scheduler on Monday
 * morning in AWS; the local server's timer and `npm run digest` here):
 * 1. the week is the ISO week before the one `now` is in, and the run's id is that week's, so a
 *    second start in the same week finds the run there and starts nothing
 * 2. the challenges are those published that week that are still open, at most 30, the newest first
 * 3. the run walks the weekly subscribers of their disciplines step by step, as a publication's
 *    fan-out does; each subscriber gets one email listing the challenges that fit them, and nobody
 *    for whom none does gets anything (a quiet week's run has nothing to walk)
 */
export async function startWeeklyDigest(ports: DigestPorts): Promise<{ runId: string; started: boolean; challenges: number }> {
  const now = ports.now();
  const until = mondayOf(now);
  const from = new Date(until.getTime() - 7 * DAY);
  const week = isoWeek(from);
  const published = await ports.challenges.publishedBetween(from.toISOString(), until.toISOString(), DIGEST_MOST_CHALLENGES);
  const open = published.filter((challenge) => Date.parse(challenge.bidDeadline) > now.getTime()).map(alertedChallenge);
  const runId = `digest-${week}`;
  const started = await ports.runs.start({ runId, kind: 'digest', title: week, frequency: 'weekly', keys: runKeys(open), challenges: open, startedAt: now.toISOString() });
  return { runId, started, challenges: open.length };
}
