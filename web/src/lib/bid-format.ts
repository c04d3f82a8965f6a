import type { BidStatus, PartnerStatus } from '$shared/bid.ts';
import type { BadgeTone } from '$lib/components/badge.svelte';
import { m } from '$lib/paraglide/messages.js';

/** The one colour each bid status is shown in, on every page: sealed is blue, won is green, lost is red. */
export const bidStatusTones: Record<BidStatus, BadgeTone> = {
  draft: 'neutral',
  submitted: 'info',
  withdrawn: 'warning',
  shortlisted: 'info',
  awarded: 'success',
  not_selected: 'danger',
};

/** A consortium partner's answer to its invitation: waiting is amber. */
export const partnerStatusTones: Record<PartnerStatus, BadgeTone> = {
  invited: 'warning',
  confirmed: 'success',
  declined: 'danger',
};

export type PriceAgainstBudget = 'below' | 'within' | 'above';

/** A price against the challenge's budget range, in words and colour. */
export const priceAgainstBudget: Record<PriceAgainstBudget, { label: () => string; tone: BadgeTone }> = {
  below: { label: m.bid_price_below, tone: 'info' },
  within: { label: m.bid_price_within, tone: 'success' },
  above: { label: m.bid_price_above, tone: 'warning' },
};

/** Where a price falls against a budget range, as the API flags it. */
export const priceFit = (cents: number, minCents: number, maxCents: number): PriceAgainstBudget => (cents < minCents ? 'below' : cents > maxCents ? 'above' : 'within');
