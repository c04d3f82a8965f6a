import { bidRole } from '../bids/access.ts';
import type { StoredBid } from '../bids/ports.ts';
import type { StoredChallenge } from '../challenges/ports.ts';
import { memberViewer, membersOf } from '../challenges/recipients.ts';
import type { EvaluationPorts } from './ports.ts';

/**
 * Everyone at the firms behind these bids who may read them on the bid's page: each lead (its own
 * bid, always) and its confirmed partners, by the page's own rule (a suspended partner no longer may).
 */
export async function bidderRecipients(challenge: StoredChallenge, bids: StoredBid[], ports: EvaluationPorts) {
  const now = ports.now();
  const firms = await Promise.all(
    bids.map(async (bid) => {
      const partners = await ports.bids.partners(bid.challengeId, bid.bidId);
      const confirmed = await Promise.all(partners.filter((partner) => partner.status === 'confirmed').map((partner) => ports.organisations.organisation(partner.organisationId)));
      const readers = confirmed.flatMap((organisation) =>
        organisation && bidRole(bid, partners, challenge, memberViewer(organisation), now) === 'partner' ? [organisation.organisationId] : [],
      );
      return [bid.leadOrganisationId, ...readers];
    }),
  );
  return membersOf(firms.flat(), ports);
}
