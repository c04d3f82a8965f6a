import { oneAtATime, type JobRun } from '../one-at-a-time.ts';
import { auditEntry } from './audit.ts';
import type { ChallengePorts } from './ports.ts';
import { challengeEmail, readersAmong } from './recipients.ts';

/** How long before the question deadline followers are reminded. */
const REMINDER_HOURS = 48;
/** Deadlines handled per run (every few minutes): more than a day's worth of publications. */
const PER_RUN = 100;

/**
 * Reminds the firms that follow a published challenge, 48 hours before its question deadline, that
 * questions close soon; once per challenge. It reads only the deadlines filed at publication that
 * fall within the next 48 hours:
 * 1. a challenge no longer published, already reminded for, or past its deadline: the filing goes
 * 2. a deadline an amendment put later than 48 hours on: filed again at the new time
 * 3. otherwise the followers who may still read the challenge get the reminder, written with the
 *    challenge's mark and audit line in one version-guarded change (a rerun never reminds twice);
 *    then the filing goes
 */
export async function remindFollowersOfQuestionDeadline(ports: ChallengePorts): Promise<JobRun> {
  const now = ports.now();
  const until = new Date(now.getTime() + REMINDER_HOURS * 60 * 60 * 1000).toISOString();
  const due = await ports.challenges.questionDeadlinesBefore(until, PER_RUN);
  return oneAtATime(
    due,
    ({ challengeId }) => challengeId,
    async (filed) => {
      const challenge = await ports.challenges.challenge(filed.challengeId);
      if (!challenge || challenge.status !== 'published' || challenge.questionReminderSentAt || Date.parse(challenge.questionDeadline) <= now.getTime()) {
        await ports.challenges.refileQuestionDeadline(filed);
        return false;
      }
      if (challenge.questionDeadline > until) {
        await ports.challenges.refileQuestionDeadline(filed, { challengeId: challenge.challengeId, questionDeadline: challenge.questionDeadline });
        return false;
      }
      const recipients = await readersAmong(challenge, await ports.challenges.followers(challenge.challengeId), 'challenge', ports);
      const written = await ports.challenges.change(challenge.challengeId, challenge.version, {
        set: { questionReminderSentAt: now.toISOString(), version: challenge.version + 1 },
        audit: auditEntry(challenge.challengeId, ports.newId(), now, 'question_reminder_sent', { role: 'system' }),
        emails: challengeEmail('question.deadline_reminder', challenge, recipients, { questionDeadline: challenge.questionDeadline }),
      });
      if (written) await ports.challenges.refileQuestionDeadline(filed);
      return written;
    },
  );
}
