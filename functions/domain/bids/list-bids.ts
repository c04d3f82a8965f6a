import type { FirmBidSummary } from '#shared/bid.ts';
import { effectiveStatus } from '../challenges/lifecycle.ts';
import type { StoredChallenge } from '../challenges/ports.ts';
import type { Page, PageRequest } from '../kernel.ts';
import { optional } from '../optional.ts';
import type { BidPorts, StoredBid, StoredPartnership } from './ports.ts';

/** The challenges these bids are on, by id (one GetItem each; a firm's page holds few). */
async function challengesOf(bids: StoredBid[], ports: BidPorts): Promise<Map<string, StoredChallenge>> {
  const ids = [...new Set(bids.map((bid) => bid.challengeId))];
  const found = await Promise.all(ids.map((challengeId) => ports.challenges.challenge(challengeId)));
  return new Map(found.flatMap((challenge) => (challenge ? [[challenge.challengeId, challenge] as const] : [])));
}

/** The bids these partnerships are in, with their challenges. */
async function partneredBids(partnerships: StoredPartnership[], ports: BidPorts) {
  const bids = await ports.bids.bidsAt(partnerships.map(({ challengeId, bidId }) => ({ challengeId, bidId })));
  return { bids: new Map(bids.map((bid) => [bid.bidId, bid])), challenges: await challengesOf(bids, ports) };
}

function summary(bid: StoredBid, challenge: StoredChallenge, now: Date, partnership?: StoredPartnership): FirmBidSummary {
  return {
    id: bid.bidId,
    challengeId: bid.challengeId,
    challengeTitle: challenge.title,
    commissionerName: challenge.commissionerName,
    bidDeadline: challenge.bidDeadline,
    challengeStatus: effectiveStatus(challenge, now),
    status: bid.status,
    yourRole: partnership ? 'partner' : 'lead',
    ...optional('partnerStatus', partnership?.status),
    leadName: bid.leadName,
    // An invited partner reads the lead's price only once it confirms.
    ...optional('priceCents', partnership?.status === 'invited' ? undefined : bid.priceCents),
    ...optional('sealedAt', bid.sealedAt),
    updatedAt: bid.updatedAt,
  };
}

/** How many of its most recent consortium invitations an organisation sees: a firm joins few, and a read stays one bounded Query. */
const CONSORTIA_SHOWN = 50;

/**
 * An organisation's bids for its dashboard, newest first: those it leads, page by page, and on the
 * first page the consortia it is in or invited to (its 50 most recent; declined ones are left out).
 */
export async function organisationBids(organisationId: string, page: PageRequest, ports: BidPorts): Promise<Page<FirmBidSummary>> {
  const [led, partnerships] = await Promise.all([
    ports.bids.ledBy(organisationId, page),
    page.cursor ? [] : ports.bids.partnershipsOf(organisationId, CONSORTIA_SHOWN).then((all) => all.filter((partnership) => partnership.status !== 'declined')),
  ]);
  const [ledChallenges, partnered] = await Promise.all([challengesOf(led.items, ports), partneredBids(partnerships, ports)]);
  const now = ports.now();
  const asLead = led.items.flatMap((bid) => {
    const challenge = ledChallenges.get(bid.challengeId);
    return challenge ? [{ createdAt: bid.createdAt, item: summary(bid, challenge, now) }] : [];
  });
  const asPartner = partnerships.flatMap((partnership) => {
    const bid = partnered.bids.get(partnership.bidId);
    const challenge = bid && partnered.challenges.get(bid.challengeId);
    return bid && challenge ? [{ createdAt: bid.createdAt, item: summary(bid, challenge, now, partnership) }] : [];
  });
  const items = [...asLead, ...asPartner].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)).map(({ item }) => item);
  return { items, cursor: led.cursor };
}

/** The organisation's invitations to join consortium bids, its 50 most recent, newest first, whatever it answered. */
export async function consortiumInvitations(organisationId: string, ports: BidPorts) {
  const partnerships = await ports.bids.partnershipsOf(organisationId, CONSORTIA_SHOWN);
  const { bids, challenges } = await partneredBids(partnerships, ports);
  return {
    items: partnerships.flatMap((partnership) => {
      const bid = bids.get(partnership.bidId);
      const challenge = bid && challenges.get(bid.challengeId);
      if (!bid || !challenge) return [];
      return [
        {
          bidId: bid.bidId,
          challengeId: bid.challengeId,
          challengeTitle: challenge.title,
          leadName: bid.leadName,
          role: partnership.role,
          sharePercent: partnership.sharePercent,
          status: partnership.status,
          bidStatus: bid.status,
          bidDeadline: challenge.bidDeadline,
        },
      ];
    }),
  };
}
