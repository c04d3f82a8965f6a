import { sealedBidStatuses, submissionViolations, type Bid } from '#shared/bid.ts';
import { effectiveStatus } from '../challenges/lifecycle.ts';
import type { StoredChallenge, Viewer } from '../challenges/ports.ts';
import { actsForCommissioner, isVerifiedFirm } from '../challenges/viewer.ts';
import { notFoundError } from '../errors.ts';
import { optional } from '../optional.ts';
import { biddingOpen, bidRole, partnerOf, type BidRole } from './access.ts';
import type { BidPorts, StoredBid, StoredBidAudit, StoredPartnership } from './ports.ts';

/** The price against the challenge's budget range; null while the bid names no price. */
export function priceAgainstBudget(priceCents: number | undefined, challenge: Pick<StoredChallenge, 'budgetMinCents' | 'budgetMaxCents'>): Bid['priceAgainstBudget'] {
  if (priceCents === undefined) return null;
  if (priceCents < challenge.budgetMinCents) return 'below';
  return priceCents > challenge.budgetMaxCents ? 'above' : 'within';
}

/** Statuses the lead may still edit (a sealed one is re-sealed on the spot), and those it may still submit or build a consortium in. */
const editable: readonly StoredBid['status'][] = ['draft', 'submitted', 'withdrawn'];
export const unsealed: readonly StoredBid['status'][] = ['draft', 'withdrawn'];

/** What keeps the bid from being sealed: the fields it lacks, then partners who have not confirmed. */
export const unconfirmedPartners = (partners: StoredPartnership[]) => partners.filter((partner) => partner.status !== 'confirmed');

/** Everything that a bid's view is made of, so that the view itself is a plain function. */
export interface BidContext {
  challenge: StoredChallenge;
  partners: StoredPartnership[];
  audit: StoredBidAudit[];
  /** The current names of the people in the audit trail (an erased person's name is gone). */
  names: Map<string, string>;
  viewer: Viewer;
  role: BidRole;
  now: Date;
}

/** What the viewer may do with the bid now; each flag mirrors the check the server makes when they try. */
export function bidPermissions(bid: StoredBid, { challenge, partners, viewer, role, now }: BidContext): Bid['can'] {
  const open = biddingOpen(challenge, now);
  const lead = role === 'lead' && isVerifiedFirm(viewer) && open;
  const sealable = submissionViolations(bid, challenge.criteria.length).length === 0 && unconfirmedPartners(partners).length === 0;
  const evaluating = role === 'commissioner' && actsForCommissioner(viewer, challenge) && effectiveStatus(challenge, now) === 'closed';
  const onPanel = viewer.userId !== undefined && (challenge.evaluatorIds ?? [viewer.userId]).includes(viewer.userId);
  return {
    edit: lead && editable.includes(bid.status),
    submit: lead && unsealed.includes(bid.status) && sealable,
    withdraw: lead && bid.status === 'submitted',
    invitePartners: lead && unsealed.includes(bid.status) && challenge.consortiaAllowed,
    respondToInvitation: role === 'partner' && open && partnerOf(partners, viewer)?.status === 'invited',
    askForHelp: lead,
    score: evaluating && onPanel,
    shortlist: evaluating && bid.status === 'submitted',
  };
}

/** The latest seal as a receipt, while the bid is sealed. */
function receiptOf(bid: StoredBid): Bid['receipt'] {
  if (!sealedBidStatuses.includes(bid.status) || !bid.sealedAt || !bid.sealDigest) return undefined;
  return { bidId: bid.bidId, challengeId: bid.challengeId, sealedAt: bid.sealedAt, algorithm: 'SHA-256', digest: bid.sealDigest };
}

/** Help the firm asked of the staff stays between them: the commissioner sees neither the request nor its trail. */
const seesHelp = (role: BidRole) => role !== 'commissioner';

/** An invited partner that has not answered yet: it decides on the terms, not on the lead's bid. */
const deciding = ({ role, partners, viewer }: BidContext) => role === 'partner' && partnerOf(partners, viewer)?.status === 'invited';

/**
 * A bid as the viewer sees it, given everything it is made of. An invited partner reads only what it
 * decides on (the challenge, the lead, its own role and share, and so what the lead keeps); the bid's
 * content, the other partners and the trail once it confirms.
 */
export function presentBid(bid: StoredBid, context: BidContext): Bid {
  const { challenge, partners, names, role, viewer } = context;
  const invited = deciding(context);
  const readable: Partial<StoredBid> = invited ? {} : bid;
  const audit = invited ? [] : context.audit;
  const shownPartners = partners
    .filter((partner) => !invited || partner.organisationId === viewer.organisationId)
    .map(({ organisationId, name, role: partnerRole, sharePercent, status }) => ({ organisationId, name, role: partnerRole, sharePercent, status }));
  const partnerShares = partners.filter((partner) => partner.status !== 'declined').reduce((sum, partner) => sum + partner.sharePercent, 0);
  return {
    id: bid.bidId,
    challengeId: bid.challengeId,
    challengeTitle: challenge.title,
    bidDeadline: challenge.bidDeadline,
    leadOrganisationId: bid.leadOrganisationId,
    leadName: bid.leadName,
    status: bid.status,
    ...optional('approach', readable.approach),
    ...optional('priceCents', readable.priceCents),
    ...optional('timeline', readable.timeline),
    ...optional('team', readable.team),
    ...optional('portfolioLinks', readable.portfolioLinks),
    ...optional('criterionAnswers', readable.criterionAnswers),
    priceAgainstBudget: priceAgainstBudget(readable.priceCents, challenge),
    leadSharePercent: 100 - partnerShares,
    partners: shownPartners,
    ...optional('receipt', invited ? undefined : receiptOf(bid)),
    ...optional('helpRequestedAt', seesHelp(role) ? readable.helpRequestedAt : undefined),
    ...optional('helpMessage', seesHelp(role) ? readable.helpMessage : undefined),
    ...optional('feedback', readable.feedback),
    createdAt: bid.createdAt,
    updatedAt: bid.updatedAt,
    version: bid.version,
    yourRole: role,
    audit: audit
      .filter((entry) => seesHelp(role) || entry.action !== 'help_requested')
      .map((entry) => ({
        at: entry.at,
        action: entry.action,
        ...optional('actorName', entry.actorUserId ? names.get(entry.actorUserId) : undefined),
        ...optional('digest', entry.digest),
        ...optional('note', entry.note),
      })),
    can: bidPermissions(bid, context),
  };
}

/** The people named in an audit trail, by their current names. */
async function actorNames(audit: StoredBidAudit[], ports: BidPorts): Promise<Map<string, string>> {
  const userIds = [...new Set(audit.flatMap((entry) => (entry.actorUserId ? [entry.actorUserId] : [])))];
  const people = await Promise.all(userIds.map(async (userId) => [userId, (await ports.organisations.person(userId))?.name] as const));
  return new Map(people.flatMap(([userId, name]) => (name ? [[userId, name] as const] : [])));
}

/**
 * The bid as this viewer sees it, with its partners and audit trail; 404 if they may not see it
 * (callers check first; this is the last line of defence of the seal).
 */
export async function bidView(bid: StoredBid, challenge: StoredChallenge, viewer: Viewer, ports: BidPorts, known?: { partners?: StoredPartnership[] }): Promise<Bid> {
  const [partners, audit] = await Promise.all([known?.partners ?? ports.bids.partners(bid.challengeId, bid.bidId), ports.bids.audit(bid.challengeId, bid.bidId)]);
  const now = ports.now();
  const role = bidRole(bid, partners, challenge, viewer, now);
  if (!role) throw notFoundError('There is no such bid, or it is not shown to you.');
  return presentBid(bid, { challenge, partners, audit, names: await actorNames(audit, ports), viewer, role, now });
}
