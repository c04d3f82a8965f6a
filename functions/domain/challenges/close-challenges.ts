import { auditEntry } from './audit.ts';
import { transitions } from './lifecycle.ts';
import type { ChallengePorts } from './ports.ts';
import { challengeEmail, commissionerRecipients } from './recipients.ts';

/** How many challenges one run closes at most; the next run takes the rest. */
const BATCH = 100;

/**
 * The scheduled close: every published challenge whose bid deadline has passed becomes closed (its
 * bids unsealed for the commissioner), and the commissioner is told how many bids arrived. A
 * challenge someone changed meanwhile (an extended deadline) is left for the next run to judge
 * afresh. Returns how many closed.
 */
export async function closeChallengesPastDeadline(ports: ChallengePorts): Promise<number> {
  const now = ports.now();
  const due = await ports.challenges.pastDeadline(now.toISOString(), BATCH);
  let closed = 0;
  for (const challenge of due) {
    if (challenge.status !== 'published') continue;
    const at = now.toISOString();
    const [recipients, bidCount] = await Promise.all([commissionerRecipients(challenge, ports), ports.bids.sealedBidCount(challenge.challengeId)]);
    const emails = challengeEmail('challenge.closed', challenge, recipients, { bidCount });
    const audit = auditEntry(challenge.challengeId, ports.newId(), now, transitions.close.audit, { role: 'system' }, {
      changes: [{ field: 'status', from: 'published', to: 'closed' }],
    });
    const written = await ports.challenges.change(challenge.challengeId, challenge.version, {
      set: { status: transitions.close.to, statusSince: at, closedAt: at, version: challenge.version + 1 },
      remove: ['listing', 'openUntil'],
      audit,
      emails,
    });
    if (written) closed += 1;
  }
  return closed;
}
