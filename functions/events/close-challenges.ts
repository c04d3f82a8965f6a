import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { remindDraftBidders } from '../domain/bids/remind-draft-bidders.ts';
import { closeChallengesPastDeadline } from '../domain/challenges/close-challenges.ts';
import { remindFollowersOfQuestionDeadline } from '../domain/challenges/remind-followers.ts';
import type { JobRun } from '../domain/one-at-a-time.ts';
import { logger } from '../logger.ts';
import { wiring } from '../wiring.ts';
import { deadlineJobFailed } from './deadline-jobs-log.ts';

/** A job that could not even list its challenges counts as one failure; the reminders still run after a failed close. */
async function run(job: string, work: () => Promise<JobRun>): Promise<JobRun> {
  const outcome = await work().catch((error: unknown): JobRun => ({ done: 0, failed: [{ id: '*', reason: error instanceof Error ? error.message : String(error) }] }));
  for (const { id, reason } of outcome.failed) logger.error(deadlineJobFailed, { job, challengeId: id, reason });
  return outcome;
}

/**
 * The deadline jobs, run every few minutes by an EventBridge rule in AWS and by the local server's
 * timer:
 * 1. close every published challenge whose bid deadline has passed, each on its own
 * 2. remind firms with an unsubmitted bid on a challenge closing within 48 hours, whatever step 1 did
 * 3. remind the followers of a challenge whose question deadline is within 48 hours
 * 4. log each challenge that failed (the next run tries it again: every job is safe to rerun) and count them
 */
export const handler = middy()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async () => {
    const { challengePorts, bidPorts } = wiring();
    const closing = await run('close', () => closeChallengesPastDeadline(challengePorts));
    const reminding = await run('remind', () => remindDraftBidders(bidPorts));
    const questions = await run('remind-followers', () => remindFollowersOfQuestionDeadline(challengePorts));
    const result = {
      closed: closing.done,
      reminded: reminding.done,
      questionReminders: questions.done,
      failed: closing.failed.length + reminding.failed.length + questions.failed.length,
    };
    if (result.closed || result.reminded || result.questionReminders || result.failed) logger.info('Ran the deadline jobs', result);
    return result;
  });
