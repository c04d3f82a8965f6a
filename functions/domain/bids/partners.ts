import type { Bid, InvitePartner } from '#shared/bid.ts';
import { findChallenge } from '../challenges/get-challenge.ts';
import type { Firm, StoredChallenge, Viewer } from '../challenges/ports.ts';
import { challengeEmail, membersOf } from '../challenges/recipients.ts';
import { allowanceUsedUp } from '../daily-allowance.ts';
import { conflictError, invalidError, notFoundError } from '../errors.ts';
import type { StoredOrganisation } from '../organisations/ports.ts';
import { requireBiddingOpen } from './access.ts';
import { bidAuditLine } from './audit.ts';
import { findLedBid, missingBid, requireVersion, requireWritten } from './get-bid.ts';
import type { BidPorts, StoredBid, StoredPartnership } from './ports.ts';
import { bidView, unsealed } from './views.ts';

/**
 * Who may join a consortium: a verified creative firm; for a partner search also a verified
 * knowledge institution (the partners such a challenge looks for). Never the commissioner itself.
 */
function mayPartner(organisation: StoredOrganisation | undefined, challenge: StoredChallenge): organisation is StoredOrganisation {
  if (!organisation || organisation.status !== 'verified' || organisation.organisationId === challenge.organisationId) return false;
  if (organisation.kind === 'creative') return true;
  return challenge.type === 'partner_search' && organisation.commissionerType === 'knowledge_institution';
}

/** The consortium can change only while the bid is unsealed, on a challenge that allows consortia and is open. */
function requireConsortiumOpen(bid: StoredBid, challenge: StoredChallenge, now: Date): void {
  requireBiddingOpen(challenge, now);
  if (!challenge.consortiaAllowed) throw conflictError('This challenge does not take consortium bids.');
  if (!unsealed.includes(bid.status)) throw conflictError('Partners change only while the bid is a draft; withdraw it first.');
}

/** Bumps the bid's version: a partner joining or leaving changes what a seal would cover. */
const touched = (bid: StoredBid, now: Date) => ({ updatedAt: now.toISOString(), version: bid.version + 1 });

/**
 * The lead invites a partner into its consortium bid:
 * 1. only while the bid is unsealed and the challenge open and taking consortia (409)
 * 2. the partner must be able to partner (422), must not be the lead and must not be in this consortium
 *    already (409); whether it bids otherwise is not the lead's to learn: it is invited all the same,
 *    and only its confirmation is refused, with the reason shown to the partner alone
 * 3. the partners' shares add up to at most 99%: the lead keeps at least 1% (422)
 * 4. the partner's members are emailed the invitation
 */
export async function invitePartner(bidId: string, invitation: InvitePartner, viewer: Firm, ports: BidPorts): Promise<Bid> {
  const { bid, challenge, partners } = await findLedBid(bidId, viewer, ports);
  const now = ports.now();
  requireConsortiumOpen(bid, challenge, now);
  requireVersion(bid, invitation.version);
  const { organisationId, role, sharePercent } = invitation;
  if (organisationId === bid.leadOrganisationId) throw conflictError('Your firm leads this bid; invite another organisation.', 'body.organisationId');
  const organisation = await ports.organisations.organisation(organisationId);
  if (!mayPartner(organisation, challenge)) {
    throw invalidError(
      challenge.type === 'partner_search' ? 'Invite a verified creative firm or knowledge institution.' : 'Invite a verified creative firm.',
      'body.organisationId',
    );
  }
  const others = partners.filter((partner) => partner.status !== 'declined' && partner.organisationId !== organisationId);
  if (others.reduce((sum, partner) => sum + partner.sharePercent, sharePercent) > 99) {
    throw invalidError('The partners’ shares would add up to more than 99%; the lead keeps at least 1%.', 'body.sharePercent');
  }
  const partnership: StoredPartnership = {
    challengeId: bid.challengeId,
    bidId,
    organisationId,
    name: organisation.name,
    role,
    sharePercent,
    status: 'invited',
    invitedAt: now.toISOString(),
    invitedByUserId: viewer.userId,
  };
  const set = touched(bid, now);
  const outcome = await ports.bids.invite(bid, partnership, {
    at: set.updatedAt,
    set,
    audit: bidAuditLine(bid, ports.newId(), now, 'partner_invited', viewer.userId, { note: `${organisation.name}: ${role} (${sharePercent}%)` }),
    emails: challengeEmail('consortium.invited', challenge, await membersOf([organisationId], ports), { bidId, leadName: bid.leadName, role, sharePercent }),
    // Removing a partner and inviting it again must not become a way to flood its inbox.
    allowance: { scope: `partner-invitations#${bidId}`, cap: ports.limits.partnerInvitationsPerBid, at: now },
  });
  if (outcome === 'allowanceUsedUp')
    throw allowanceUsedUp(`This bid has sent ${ports.limits.partnerInvitationsPerBid} partner invitations today, the most a day allows; try again tomorrow.`, now);
  requireWritten(outcome, `${organisation.name} is in your consortium already.`);
  const listed = [...partners.filter((partner) => partner.organisationId !== organisationId), partnership].sort((a, b) => (a.organisationId < b.organisationId ? -1 : 1));
  return bidView({ ...bid, ...set }, challenge, viewer, ports, { partners: listed });
}

/** The lead takes a partner out of its unsealed bid (one that declined must go before the bid can be submitted). */
export async function removePartner(bidId: string, organisationId: string, viewer: Firm, ports: BidPorts): Promise<Bid> {
  const { bid, challenge, partners } = await findLedBid(bidId, viewer, ports);
  const now = ports.now();
  requireConsortiumOpen(bid, challenge, now);
  const partnership = partners.find((partner) => partner.organisationId === organisationId);
  if (!partnership) throw notFoundError('There is no such partner in this bid.');
  const set = touched(bid, now);
  const outcome = await ports.bids.removePartner(bid, partnership, {
    at: set.updatedAt,
    set,
    audit: bidAuditLine(bid, ports.newId(), now, 'partner_removed', viewer.userId, { note: partnership.name }),
  });
  requireWritten(outcome);
  return bidView({ ...bid, ...set }, challenge, viewer, ports, { partners: partners.filter((partner) => partner !== partnership) });
}

/**
 * An invited partner confirms or declines, before the deadline, once (409 after): the lead's
 * members are emailed. Confirming takes the partner's one place in the challenge's bidding (409,
 * to the partner alone, if it has a bid or a place in another consortium there); declining leaves
 * it free to bid on its own or join another consortium. Anyone but the invited organisation's members gets 404.
 */
export async function respondToInvitation(
  bidId: string,
  organisationId: string,
  answer: 'confirmed' | 'declined',
  viewer: Viewer & { userId: string },
  ports: BidPorts,
): Promise<{ bid: StoredBid; challenge: StoredChallenge; partners: StoredPartnership[] }> {
  const bid = await ports.bids.bid(bidId);
  if (!bid || viewer.organisationId !== organisationId) throw missingBid();
  const [challenge, partners] = await Promise.all([findChallenge(bid.challengeId, ports), ports.bids.partners(bid.challengeId, bidId)]);
  const partnership = partners.find((partner) => partner.organisationId === organisationId && partner.status !== 'declined');
  if (!partnership) throw missingBid();
  const now = ports.now();
  requireBiddingOpen(challenge, now);
  if (partnership.status !== 'invited') throw conflictError(`Your organisation has ${partnership.status} already.`);
  const response = { status: answer, respondedAt: now.toISOString(), respondedByUserId: viewer.userId };
  const outcome = await ports.bids.respond(
    partnership,
    response,
    bidAuditLine(bid, ports.newId(), now, answer === 'confirmed' ? 'partner_confirmed' : 'partner_declined', viewer.userId, { note: partnership.name }),
    challengeEmail(answer === 'confirmed' ? 'consortium.confirmed' : 'consortium.declined', challenge, await membersOf([bid.leadOrganisationId], ports), {
      bidId,
      partnerName: partnership.name,
    }),
  );
  requireWritten(outcome, 'Your organisation already has a bid on this challenge, or a place in another consortium on it: give that up first, or decline this invitation.');
  return { bid, challenge, partners: partners.map((partner) => (partner === partnership ? { ...partner, ...response } : partner)) };
}

/** The partner joins: it reads the bid from now on, as the lead writes it. */
export async function confirmPartnership(bidId: string, organisationId: string, viewer: Viewer & { userId: string }, ports: BidPorts): Promise<Bid> {
  const { bid, challenge, partners } = await respondToInvitation(bidId, organisationId, 'confirmed', viewer, ports);
  return bidView(bid, challenge, viewer, ports, { partners });
}

/** The partner declines: it no longer sees the bid. */
export async function declinePartnership(bidId: string, organisationId: string, viewer: Viewer & { userId: string }, ports: BidPorts): Promise<void> {
  await respondToInvitation(bidId, organisationId, 'declined', viewer, ports);
}
