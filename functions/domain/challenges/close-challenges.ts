import { oneAtATime, type JobRun } from '../one-at-a-time.ts';
import { auditEntry } from './audit.ts';
import { transitions } from './lifecycle.ts';
import type { ChallengePorts } from './ports.ts';
import { challengeEmail, commissionerRecipients } from './recipients.ts';

/** How many challenges one run closes at most; the next run takes the rest. */
const BATCH = 100;

/**
 * The scheduled close:
 * 1. find the published challenges whose bid deadline has passed (at most a batch; the next run takes the rest)
 * 2. close each on its own: one that fails is kept with its reason and retried by the next run, never
 *    stopping the others; one someone changed meanwhile (an extended deadline) is left for the next run
 * 3. with each close, in the same write, tell the commissioner how many bids arrived (its bids are now
 *    unsealed for the commissioner)
 * Returns how many closed and which failed.
 */
export async function closeChallengesPastDeadline(ports: ChallengePorts): Promise<JobRun> {
  const now = ports.now();
  const due = await ports.challenges.pastDeadline(now.toISOString(), BATCH);
  return oneAtATime(
    due,
    ({ challengeId }) => challengeId,
    async (challenge) => {
      if (challenge.status !== 'published') return false;
      const at = now.toISOString();
      const [recipients, bidCount] = await Promise.all([commissionerRecipients(challenge, ports), ports.bids.sealedBidCount(challenge.challengeId)]);
      const emails = challengeEmail('challenge.closed', challenge, recipients, { bidCount });
      const audit = auditEntry(
        challenge.challengeId,
        ports.newId(),
        now,
        transitions.close.audit,
        { role: 'system' },
        {
          changes: [{ field: 'status', from: 'published', to: 'closed' }],
        },
      );
      return ports.challenges.change(challenge.challengeId, challenge.version, {
        set: { status: transitions.close.to, statusSince: at, closedAt: at, version: challenge.version + 1 },
        remove: ['listing', 'openUntil'],
        audit,
        emails,
      });
    },
  );
}
