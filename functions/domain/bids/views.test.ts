import { describe, expect, it } from 'vitest';
import type { StoredChallenge, Viewer } from '../challenges/ports.ts';
import { bidRole } from './access.ts';
import type { StoredBid, StoredPartnership } from './ports.ts';
import { presentBid, priceAgainstBudget, type BidContext } from './views.ts';

const now = new Date('2027-03-01T12:00:00Z');
const challenge = {
  challengeId: 'C1',
  organisationId: 'COMMISSIONER',
  title: 'Flood warnings',
  status: 'published',
  bidDeadline: '2027-03-10T12:00:00.000Z',
  budgetMinCents: 2_000_000,
  budgetMaxCents: 4_000_000,
  consortiaAllowed: true,
  criteria: [{ name: 'Fit', description: 'How well it fits', weight: 100 }],
} as StoredChallenge;
const closed = { ...challenge, bidDeadline: '2027-02-28T12:00:00.000Z' } as StoredChallenge;
const complete = {
  approach: 'x'.repeat(120),
  priceCents: 3_000_000,
  timeline: 'Twelve weeks, three phases.',
  team: [{ name: 'Anna', role: 'Designer' }],
  portfolioLinks: [],
  criterionAnswers: ['How we fit: residents first, always.'],
};
const bid: StoredBid = {
  challengeId: 'C1',
  bidId: 'B1',
  leadOrganisationId: 'LEAD',
  leadName: 'Studio Noord',
  status: 'draft',
  createdAt: '2027-03-01T10:00:00.000Z',
  createdByUserId: 'U1',
  updatedAt: '2027-03-01T10:00:00.000Z',
  version: 1,
  ...complete,
};
const partner = (organisationId: string, status: StoredPartnership['status'], sharePercent = 20): StoredPartnership => ({
  challengeId: 'C1',
  bidId: 'B1',
  organisationId,
  name: organisationId,
  role: 'Sound',
  sharePercent,
  status,
  invitedAt: '2027-03-01T11:00:00.000Z',
  invitedByUserId: 'U1',
});
const firm = (organisationId: string): Viewer => ({ userId: `${organisationId}-user`, staff: false, organisationId, organisationKind: 'creative', organisationVerified: true });
const commissioner: Viewer = { userId: 'C-user', staff: false, organisationId: 'COMMISSIONER', organisationKind: 'commissioner', organisationVerified: true };
const staff: Viewer = { userId: 'S-user', staff: true, organisationVerified: false };

const context = (overrides: Partial<BidContext> = {}): BidContext => ({
  challenge,
  partners: [],
  audit: [],
  names: new Map(),
  viewer: firm('LEAD'),
  role: 'lead',
  now,
  ...overrides,
});

describe('Function: priceAgainstBudget', () => {
  it('places a price below, within (bounds included) or above the budget, and gives null without a price', () => {
    expect([1_999_999, 2_000_000, 4_000_000, 4_000_001].map((price) => priceAgainstBudget(price, challenge))).toEqual(['below', 'within', 'within', 'above']);
    expect(priceAgainstBudget(undefined, challenge)).toBeNull();
  });
});

describe('Function: bidRole (who may see a bid at all)', () => {
  it('lets the lead and a partner that has not declined see the bid, and never a competing firm or a declined partner', () => {
    const partners = [partner('P1', 'invited'), partner('P2', 'declined')];
    expect(bidRole(bid, partners, challenge, firm('LEAD'), now)).toBe('lead');
    expect(bidRole(bid, partners, challenge, firm('P1'), now)).toBe('partner');
    expect(bidRole(bid, partners, challenge, firm('P2'), now)).toBeUndefined();
    expect(bidRole(bid, partners, challenge, firm('RIVAL'), now)).toBeUndefined();
  });

  it('lets the commissioner see only sealed bids and only after the deadline', () => {
    const sealed = { ...bid, status: 'submitted' as const };
    expect(bidRole(sealed, [], challenge, commissioner, now)).toBeUndefined();
    expect(bidRole(sealed, [], closed, commissioner, now)).toBe('commissioner');
    expect(bidRole({ ...bid, status: 'withdrawn' }, [], closed, commissioner, now)).toBeUndefined();
    expect(bidRole(bid, [], closed, commissioner, now)).toBeUndefined();
  });

  it('shows no sealed bid to a commissioner that is not verified, and no partner bid to a partner that is not verified; the lead keeps its own', () => {
    const sealed = { ...bid, status: 'submitted' as const };
    const partners = [partner('P1', 'confirmed')];
    expect(bidRole(sealed, [], closed, { ...commissioner, organisationVerified: false }, now)).toBeUndefined();
    expect(bidRole(bid, partners, challenge, { ...firm('P1'), organisationVerified: false }, now)).toBeUndefined();
    expect(bidRole(bid, partners, challenge, { ...firm('LEAD'), organisationVerified: false }, now)).toBe('lead');
  });

  it('lets staff see a bid only once the firm asked for help', () => {
    expect(bidRole(bid, [], challenge, staff, now)).toBeUndefined();
    expect(bidRole({ ...bid, helpRequestedAt: now.toISOString() }, [], challenge, staff, now)).toBe('staff');
  });
});

describe('Function: presentBid', () => {
  it('offers to submit only a complete bid whose partners all confirmed, and to withdraw only a submitted one', () => {
    expect(presentBid(bid, context()).can).toMatchObject({ edit: true, submit: true, withdraw: false, invitePartners: true, askForHelp: true });
    expect(presentBid(bid, context({ partners: [partner('P1', 'invited')] })).can.submit).toBe(false);
    expect(presentBid({ ...bid, timeline: 'soon' }, context()).can.submit).toBe(false);
    expect(presentBid({ ...bid, status: 'submitted' }, context()).can).toMatchObject({ edit: true, submit: false, withdraw: true, invitePartners: false });
  });

  it('offers nothing to change after the deadline, and nothing but an answer to an invited partner', () => {
    expect(Object.values(presentBid(bid, context({ challenge: closed })).can).some(Boolean)).toBe(false);
    const invited = presentBid(bid, context({ viewer: firm('P1'), role: 'partner', partners: [partner('P1', 'invited')] })).can;
    expect(Object.entries(invited).filter(([, allowed]) => allowed)).toEqual([['respondToInvitation', true]]);
  });

  it('gives the lead the share the partners that have not declined leave, and shows the receipt only while sealed', () => {
    const partners = [partner('P1', 'confirmed', 30), partner('P2', 'declined', 50)];
    const sealed = { ...bid, status: 'submitted' as const, sealedAt: now.toISOString(), sealDigest: 'a'.repeat(64) };
    expect(presentBid(bid, context({ partners })).leadSharePercent).toBe(70);
    expect(presentBid(sealed, context()).receipt).toEqual({ bidId: 'B1', challengeId: 'C1', sealedAt: now.toISOString(), algorithm: 'SHA-256', digest: 'a'.repeat(64) });
    expect(presentBid({ ...sealed, status: 'withdrawn' }, context()).receipt).toBeUndefined();
  });

  it("names each audit line's actor, and hides the firm's help request from the commissioner", () => {
    const helped = { ...bid, status: 'submitted' as const, helpRequestedAt: now.toISOString() };
    const audit = [
      { challengeId: 'C1', bidId: 'B1', entryId: '1', at: now.toISOString(), action: 'started', actorUserId: 'U1' },
      { challengeId: 'C1', bidId: 'B1', entryId: '2', at: now.toISOString(), action: 'help_requested', actorUserId: 'U1' },
    ];
    const names = new Map([['U1', 'Anna de Vries']]);
    const lead = presentBid(helped, context({ audit, names }));
    const opened = presentBid(helped, context({ audit, names, challenge: closed, viewer: commissioner, role: 'commissioner' }));
    expect(lead.audit).toEqual([
      { at: now.toISOString(), action: 'started', actorName: 'Anna de Vries' },
      { at: now.toISOString(), action: 'help_requested', actorName: 'Anna de Vries' },
    ]);
    expect(lead.helpRequestedAt).toBe(now.toISOString());
    expect(opened.audit.map((entry) => entry.action)).toEqual(['started']);
    expect(opened.helpRequestedAt).toBeUndefined();
    expect(opened.can).toMatchObject({ edit: false, score: true, shortlist: true });
  });
});
