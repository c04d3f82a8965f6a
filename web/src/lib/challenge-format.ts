import type { ChallengeStatus } from '$shared/challenge.ts';
import type { BadgeTone } from '$lib/components/badge.svelte';
import { formatEuros } from '$lib/format.ts';
import { m } from '$lib/paraglide/messages.js';

const day = 86_400_000;

/** A budget as "€30.000 – €60.000"; one amount when both ends are the same. */
export const budgetRange = (minCents: number, maxCents: number) => (minCents === maxCents ? formatEuros(minCents) : `${formatEuros(minCents)} – ${formatEuros(maxCents)}`);

/** The pitch fee said plainly, also when there is none. */
export const pitchFee = (cents: number) => (cents > 0 ? m.challenge_pitch_fee({ amount: formatEuros(cents) }) : m.challenge_no_pitch_fee());

/** How long a deadline is away, in words: "closes in 12 days", "closes within 24 hours", "closed". */
export function closesIn(deadline: string, now = Date.now()): string {
  const left = Date.parse(deadline) - now;
  if (left <= 0) return m.challenge_closed_now();
  if (left < day) return m.challenge_closes_soon();
  return m.challenge_closes_in({ days: Math.floor(left / day) });
}

/** The one colour each challenge status is shown in, on every page: open is green, waiting is amber, ended badly is red. */
export const challengeStatusTones: Record<ChallengeStatus, BadgeTone> = {
  draft: 'neutral',
  submitted: 'warning',
  published: 'success',
  closed: 'info',
  awarded: 'success',
  no_award: 'neutral',
  rejected: 'danger',
  cancelled: 'danger',
};
