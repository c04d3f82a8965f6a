import type { StoredBid } from '../bids/ports.ts';
import { membersOf } from '../challenges/recipients.ts';
import type { EvaluationPorts } from './ports.ts';

/** Everyone at the firms behind these bids: each lead and its confirmed partners. */
export async function bidderRecipients(bids: StoredBid[], ports: EvaluationPorts) {
  const partners = await Promise.all(bids.map((bid) => ports.bids.partners(bid.challengeId, bid.bidId)));
  const firms = [...bids.map((bid) => bid.leadOrganisationId), ...partners.flat().flatMap((partner) => (partner.status === 'confirmed' ? [partner.organisationId] : []))];
  return membersOf(firms, ports);
}
