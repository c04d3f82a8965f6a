import type { CreateBid } from '#shared/bid.ts';
import { wiring } from '#functions/wiring.ts';

/** A complete bid, ready to seal, answering `criteriaCount` criteria; `mark` is written into every text so tests can look for it. */
export const bidContent = (criteriaCount: number, mark = 'our approach', overrides: Partial<CreateBid> = {}): CreateBid => ({
  approach: `We start with residents, not with the warning text (${mark}). Three co-design sessions with people who ignored the last warning, then prototypes tested in the street.`,
  priceCents: 3_900_000,
  timeline: `Weeks 1–4 research, weeks 5–10 prototypes, weeks 11–12 handover (${mark}).`,
  team: [
    { name: 'Anna de Vries', role: 'Service designer' },
    { name: 'Ravi Kumar', role: 'Data visualisation' },
  ],
  portfolioLinks: [{ title: 'Heat wave alerts for Zaanstad', url: 'https://studio.example/heat-alerts' }],
  criterionAnswers: Array.from({ length: criteriaCount }, (_, index) => `How we meet criterion ${index + 1}: ${mark}, shown in earlier work.`),
  ...overrides,
});

/**
 * Moves a challenge's bid deadline (and question deadline) into the past, as time passing would,
 * without waiting: the challenge is then closed for everyone, before or after the scheduled job.
 */
export async function passDeadline(challengeId: string, minutesAgo = 5): Promise<void> {
  const { challenges } = wiring().challengePorts;
  const challenge = await challenges.challenge(challengeId);
  if (!challenge) throw new Error(`No challenge ${challengeId}`);
  const bidDeadline = new Date(Date.now() - minutesAgo * 60_000).toISOString();
  const questionDeadline = new Date(Date.now() - (minutesAgo + 60) * 60_000).toISOString();
  const written = await challenges.change(challengeId, challenge.version, {
    set: { bidDeadline, questionDeadline, version: challenge.version + 1, ...(challenge.listing ? { listing: challenge.listing, openUntil: bidDeadline } : {}) },
    audit: { challengeId, entryId: wiring().challengePorts.newId(), at: new Date().toISOString(), action: 'test_deadline_passed', actorRole: 'system', changes: [] },
  });
  if (!written) throw new Error(`Moving the deadline of ${challengeId} lost a race`);
}
