import type { ChallengeStatus } from '$shared/challenge.ts';
import type { BadgeTone } from '$lib/components/badge.svelte';

/** How each status looks in a badge: waiting is amber, open is blue, done well is green, stopped is red. */
export const challengeStatusTones: Record<ChallengeStatus, BadgeTone> = {
  draft: 'neutral',
  submitted: 'warning',
  published: 'info',
  closed: 'neutral',
  awarded: 'success',
  no_award: 'neutral',
  rejected: 'danger',
  cancelled: 'danger',
};
