import { auditEntry } from '../challenges/audit.ts';
import { oneAtATime, type JobRun } from '../one-at-a-time.ts';
import { challengeEmail, readersAmong } from '../challenges/recipients.ts';
import type { BidPorts } from './ports.ts';

/** How long before the deadline firms with an unsubmitted bid are reminded. */
const REMINDER_HOURS = 48;

/**
 * Reminds the firms that have a draft (or a withdrawn bid) on a challenge closing within 48 hours
 * that it will not count unless they submit it; once per challenge. Each challenge is marked in
 * one version-guarded change with its audit line and the email, so a rerun (or a second runner)
 * never reminds twice. Each challenge is reminded for on its own, so one that fails never stops the
 * others. Returns how many challenges it reminded for and which failed.
 */
export async function remindDraftBidders(ports: BidPorts): Promise<JobRun> {
  const now = ports.now();
  const until = new Date(now.getTime() + REMINDER_HOURS * 60 * 60 * 1000);
  const due = (await ports.challenges.closingBetween(now.toISOString(), until.toISOString())).filter((challenge) => !challenge.bidReminderSentAt);
  return oneAtATime(
    due,
    ({ challengeId }) => challengeId,
    async (challenge) => {
      const drafts = await ports.bids.draftBidsOf(challenge.challengeId);
      // Only firms that may still read the challenge (one for verified firms only, while theirs is verified).
      const recipients = await readersAmong(
        challenge,
        drafts.map((bid) => bid.leadOrganisationId),
        'challenge',
        ports,
      );
      return ports.challenges.change(challenge.challengeId, challenge.version, {
        set: { bidReminderSentAt: now.toISOString(), version: challenge.version + 1 },
        // No count: how many firms have drafts is not the commissioner's to know.
        audit: auditEntry(challenge.challengeId, ports.newId(), now, 'bid_reminder_sent', { role: 'system' }),
        emails: challengeEmail('bid.deadline_reminder', challenge, recipients, { bidDeadline: challenge.bidDeadline }),
      });
    },
  );
}
