import canonicalize from 'canonicalize';
import type { BidContent } from './bid.ts';

/** What a seal covers: the bid's identity, everything the firm wrote, and the consortium's shares. */
export interface SealedBid extends BidContent {
  bidId: string;
  challengeId: string;
  leadOrganisationId: string;
  partners: { organisationId: string; role: string; sharePercent: number }[];
}

/**
 * What a seal covers of this bid, missing content as empty: the server seals it and the receipt's
 * check on the bid's page recomputes it, so both build it here. `partners` in the order the bid's
 * view lists them, so that anyone holding the view can recompute the digest.
 */
export function sealedBidOf(bid: Pick<SealedBid, 'bidId' | 'challengeId' | 'leadOrganisationId'> & Partial<BidContent>, partners: SealedBid['partners']): SealedBid {
  return {
    bidId: bid.bidId,
    challengeId: bid.challengeId,
    leadOrganisationId: bid.leadOrganisationId,
    approach: bid.approach ?? '',
    priceCents: bid.priceCents ?? 0,
    timeline: bid.timeline ?? '',
    team: bid.team ?? [],
    portfolioLinks: bid.portfolioLinks ?? [],
    criterionAnswers: bid.criterionAnswers ?? [],
    partners,
  };
}

/** Exactly the sealed fields, in JSON Canonicalization Scheme form (RFC 8785), so the same bid always gives the same text. */
export function canonicalBid(bid: SealedBid): string {
  const sealed: SealedBid = {
    bidId: bid.bidId,
    challengeId: bid.challengeId,
    leadOrganisationId: bid.leadOrganisationId,
    approach: bid.approach,
    priceCents: bid.priceCents,
    timeline: bid.timeline,
    team: bid.team.map(({ name, role }) => ({ name, role })),
    portfolioLinks: bid.portfolioLinks.map(({ title, url }) => ({ title, url })),
    criterionAnswers: [...bid.criterionAnswers],
    partners: bid.partners.map(({ organisationId, role, sharePercent }) => ({ organisationId, role, sharePercent })),
  };
  const text = canonicalize(sealed);
  if (text === undefined) throw new Error('A bid cannot be canonicalised');
  return text;
}

/**
 * The SHA-256 digest (lower-case hex) of the bid's canonical form. Web Crypto, so the server seals
 * with it and the page checks a receipt with the very same code.
 */
export async function bidDigest(bid: SealedBid): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonicalBid(bid))));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
