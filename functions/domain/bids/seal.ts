import { submissionViolations } from '#shared/bid.ts';
import { bidDigest, sealedBidOf } from '#shared/bid-seal.ts';
import { auditEntry } from '../challenges/audit.ts';
import type { Firm, StoredChallenge } from '../challenges/ports.ts';
import { challengeEmail, membersOf } from '../challenges/recipients.ts';
import { conflictError, invalidFieldsError } from '../errors.ts';
import { bidAuditLine } from './audit.ts';
import type { BidPorts, BidWrite, StoredBid, StoredPartnership } from './ports.ts';
import { unconfirmedPartners } from './views.ts';

/**
 * Seals a bid as it will be stored (`bid` holds the content to seal):
 * 1. it must be complete (422 naming every field it lacks) and every partner must have confirmed
 *    (409 naming those who have not; one who declined must be taken out first)
 * 2. the digest of its canonical content is its receipt, kept on the bid and in its audit trail
 * 3. the challenge's audit trail gets the time and the digest but neither the firm nor who sealed
 *    it, so the commissioner can later check the bid against it without learning who bid early
 * 4. the lead firm's members are emailed the receipt
 */
export async function seal(
  bid: StoredBid,
  partners: StoredPartnership[],
  challenge: StoredChallenge,
  viewer: Firm,
  action: 'submitted' | 'resealed',
  ports: BidPorts,
): Promise<Omit<BidWrite, 'set'> & { set: Pick<StoredBid, 'status' | 'sealedAt' | 'sealDigest'> }> {
  const violations = submissionViolations(bid, challenge.criteria.length);
  if (violations.length) {
    throw invalidFieldsError(
      'The bid is not complete yet.',
      violations.map(({ path, message }) => ({ field: `body.${path}`, message })),
    );
  }
  const pending = unconfirmedPartners(partners);
  if (pending.length) {
    throw conflictError(`Every partner must confirm before the bid is submitted; not yet: ${pending.map(({ name, status }) => `${name} (${status})`).join(', ')}.`);
  }
  const now = ports.now();
  const sealedAt = now.toISOString();
  const digest = await bidDigest(sealedBidOf(bid, partners));
  return {
    at: sealedAt,
    set: { status: 'submitted', sealedAt, sealDigest: digest },
    audit: bidAuditLine(bid, ports.newId(), now, action, viewer.userId, { digest }),
    challengeAudit: auditEntry(challenge.challengeId, ports.newId(), now, 'bid_sealed', { role: 'system' }, { note: digest }),
    confirmedPartners: partners.map(({ organisationId }) => organisationId),
    emails: challengeEmail('bid.submitted', challenge, await membersOf([bid.leadOrganisationId], ports), { bidId: bid.bidId, sealedAt, digest }),
  };
}
