import { auditEntry } from '../challenges/audit.ts';
import { challengeEmail, membersOf } from '../challenges/recipients.ts';
import type { BidPorts } from './ports.ts';

/** How long before the deadline firms with an unsubmitted bid are reminded. */
const REMINDER_HOURS = 48;

/**
 * Reminds the firms that have a draft (or a withdrawn bid) on a challenge closing within 48 hours
 * that it will not count unless they submit it; once per challenge. Each challenge is marked in
 * one version-guarded change with its audit line and the email, so a rerun (or a second runner)
 * never reminds twice. Returns how many challenges it reminded for.
 */
export async function remindDraftBidders(ports: BidPorts): Promise<number> {
  const now = ports.now();
  const until = new Date(now.getTime() + REMINDER_HOURS * 60 * 60 * 1000);
  const due = (await ports.challenges.closingBetween(now.toISOString(), until.toISOString())).filter((challenge) => !challenge.bidReminderSentAt);
  let reminded = 0;
  for (const challenge of due) {
    const drafts = await ports.bids.draftBidsOf(challenge.challengeId);
    const recipients = await membersOf(drafts.map((bid) => bid.leadOrganisationId), ports);
    const written = await ports.challenges.change(challenge.challengeId, challenge.version, {
      set: { bidReminderSentAt: now.toISOString(), version: challenge.version + 1 },
      // No count: how many firms have drafts is not the commissioner's to know.
      audit: auditEntry(challenge.challengeId, ports.newId(), now, 'bid_reminder_sent', { role: 'system' }),
      emails: challengeEmail('bid.deadline_reminder', challenge, recipients, { bidDeadline: challenge.bidDeadline }),
    });
    if (written) reminded += 1;
  }
  return reminded;
}
