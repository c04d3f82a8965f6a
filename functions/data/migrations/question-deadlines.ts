import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { StoredChallenge } from '#functions/domain/challenges/ports.ts';
import { challengeEntity } from '../challenge.entity.ts';
import { questionReminder, questionReminderEntity } from '../question-reminder.entity.ts';

/** How many published challenges one step reads. */
const STEP = 100;

/**
 * Files the question deadline of every published challenge whose questions are still open, for
 * tables from before followers were reminded of it. A put of a filing that is there already changes
 * nothing, so it can run again; a challenge reminded for meanwhile has its filing dropped by the job.
 */
export async function fileQuestionDeadlines(client: DynamoDBDocumentClient, table: string): Promise<number> {
  const challenges = challengeEntity(client, table);
  const reminders = questionReminderEntity(client, table);
  const now = new Date().toISOString();
  let written = 0;
  let cursor: string | null = null;
  do {
    const page: { data: unknown[]; cursor: string | null } = await challenges.query.byStatus({ status: 'published' }).go({ limit: STEP, cursor });
    const open = (page.data as StoredChallenge[]).filter((challenge) => challenge.questionDeadline > now && !challenge.questionReminderSentAt);
    if (open.length) await reminders.put(open.map((challenge) => questionReminder(challenge.challengeId, challenge.questionDeadline))).go();
    written += open.length;
    cursor = page.cursor;
  } while (cursor);
  return written;
}
