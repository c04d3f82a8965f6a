import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Bid, CreateBid } from '#shared/bid.ts';
import { bidContent } from '../helpers/bids.ts';
import { storedChallenge, useMarketplace, verifiedOrganisation, type ChallengeAnswer, type Problem } from '../helpers/challenges.ts';
import { createInbox } from '../helpers/inbox.ts';
import { commissionerRegistration, firmRegistration } from '../helpers/organisations.ts';

type BidAnswer = Bid & Omit<Problem, 'status'>;
type Organisation = Awaited<ReturnType<typeof verifiedOrganisation>>;

describe('Consortium bids: the lead invites partners, each confirms or declines, and only a bid whose partners all confirmed is sealed', { timeout: 120_000 }, () => {
  const world = useMarketplace();
  const inbox = createInbox();
  const people = {} as { partner: Organisation; second: Organisation; institute: Organisation };

  beforeAll(async () => {
    const { staff } = world.people;
    [people.partner, people.second, people.institute] = await Promise.all([
      verifiedOrganisation(world.api, firmRegistration({ name: 'Klankwerk' }), staff.cookie),
      verifiedOrganisation(world.api, firmRegistration({ name: 'Motion Lab' }), staff.cookie),
      verifiedOrganisation(world.api, commissionerRegistration({ name: 'Lectoraat Civic Design', commissionerType: 'knowledge_institution' }), staff.cookie),
    ]);
  });

  const openChallenge = async (overrides = {}) => {
    const title = `Together ${ulid().slice(-8)}`;
    const challenge = await storedChallenge(world.people.commissioner.organisationId, 'published', { title, ...overrides });
    return { id: challenge.challengeId, title, criteria: challenge.criteria.length };
  };
  const start = (challengeId: string, cookie: string, body: CreateBid = {}) => world.api.call<BidAnswer>('POST', `/api/challenges/${challengeId}/bids`, { cookie, body });
  const read = (bidId: string, cookie: string) => world.api.call<BidAnswer>('GET', `/api/bids/${bidId}`, { cookie });
  const invite = (bid: { id: string; version: number }, organisationId: string, sharePercent = 30, cookie = world.people.firm.cookie) =>
    world.api.call<BidAnswer>('POST', `/api/bids/${bid.id}/partners`, {
      cookie,
      body: { version: bid.version, organisationId, role: 'Sound design and field recordings', sharePercent },
    });
  const answer = (bidId: string, organisation: Organisation, response: 'confirm' | 'decline') =>
    world.api.call<BidAnswer>('POST', `/api/bids/${bidId}/partners/${organisation.organisationId}/${response}`, { cookie: organisation.cookie });
  const submit = (bid: { id: string; version: number }) =>
    world.api.call<BidAnswer>('POST', `/api/bids/${bid.id}/submit`, { cookie: world.people.firm.cookie, body: { version: bid.version } });
  const mailsAbout = async (address: string, title: string) => (await inbox.to(address)).filter((email) => email.subject.includes(title));

  it('invites a partner (emailed its role and share); the bid cannot be submitted (409 naming it) until the partner confirms (the lead is emailed), and the seal covers the partner', async () => {
    const challenge = await openChallenge();
    const { firm } = world.people;
    const draft = (await start(challenge.id, firm.cookie, bidContent(challenge.criteria, 'with-partner'))).body;

    const invited = await invite(draft, people.partner.organisationId, 30);
    const early = await submit(invited.body);
    const byPartner = await read(draft.id, people.partner.cookie);
    const confirmed = await answer(draft.id, people.partner, 'confirm');
    const current = (await read(draft.id, firm.cookie)).body;
    const sealed = await submit(current);
    await world.deliver();

    expect(invited.status).toBe(200);
    expect(invited.body.partners).toEqual([
      { organisationId: people.partner.organisationId, name: 'Klankwerk', role: 'Sound design and field recordings', sharePercent: 30, status: 'invited' },
    ]);
    expect(invited.body.leadSharePercent).toBe(70);
    expect(early.status).toBe(409);
    expect(early.body.detail).toContain('Klankwerk');
    expect(byPartner.body).toMatchObject({ yourRole: 'partner', partners: [expect.objectContaining({ sharePercent: 30 })] });
    expect(byPartner.body.approach).toBeUndefined();
    expect(byPartner.body.can).toMatchObject({ edit: false, submit: false, invitePartners: false, respondToInvitation: true });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.partners[0]!.status).toBe('confirmed');
    expect(confirmed.body.can.respondToInvitation).toBe(false);
    expect(sealed.status).toBe(200);
    expect(sealed.body.receipt).toBeDefined();
    const [invitation] = await mailsAbout(people.partner.email, challenge.title);
    expect(invitation?.body.text).toContain('30%');
    expect(invitation?.subject).toContain('Studio Noord');
    expect((await mailsAbout(firm.email, challenge.title)).map((mail) => mail.subject)).toContainEqual(expect.stringContaining('Klankwerk'));
    expect((await world.api.call<ChallengeAnswer & { yourBid?: unknown }>('GET', `/api/challenges/${challenge.id}`, { cookie: people.partner.cookie })).body.yourBid).toEqual({
      id: draft.id,
      status: 'submitted',
      role: 'partner',
    });
  });

  it('lets a partner decline (the lead is emailed, the partner then no longer sees the bid and may bid itself); the declined partner blocks submission until the lead removes it', async () => {
    const challenge = await openChallenge();
    const { firm } = world.people;
    const draft = (await start(challenge.id, firm.cookie, bidContent(challenge.criteria, 'declined'))).body;
    const invited = (await invite(draft, people.second.organisationId, 20)).body;

    const declined = await answer(draft.id, people.second, 'decline');
    const again = await answer(draft.id, people.second, 'decline');
    const blocked = await submit(invited);
    const afterwards = await read(draft.id, people.second.cookie);
    const ownBid = await start(challenge.id, people.second.cookie);
    const removed = await world.api.call<BidAnswer>('DELETE', `/api/bids/${draft.id}/partners/${people.second.organisationId}`, { cookie: firm.cookie });
    const sealed = await submit(removed.body);
    await world.deliver();

    expect(declined.status).toBe(204);
    expect(again.status).toBe(404);
    expect(blocked.status).toBe(409);
    expect(blocked.body.detail).toContain('Motion Lab (declined)');
    expect(afterwards.status).toBe(404);
    expect(ownBid.status).toBe(201);
    expect(removed.status).toBe(200);
    expect(removed.body.partners).toEqual([]);
    expect(sealed.status).toBe(200);
    // Taking the declined partner out left the partner's own bid alone.
    const partnerPage = await world.api.call<ChallengeAnswer & { yourBid?: unknown }>('GET', `/api/challenges/${challenge.id}`, { cookie: people.second.cookie });
    expect(partnerPage.body.yourBid).toEqual({ id: ownBid.body.id, status: 'draft', role: 'lead' });
    expect((await mailsAbout(firm.email, challenge.title)).map((mail) => mail.subject)).toContainEqual(expect.stringContaining('Motion Lab'));
  });

  it('refuses a consortium where the challenge takes none (409), the lead itself (409), a firm already in it (409), shares above 99% (422) and a commissioner on a commission (422)', async () => {
    const { firm, commissioner } = world.people;
    const solo = await openChallenge({ consortiaAllowed: false });
    const soloBid = (await start(solo.id, firm.cookie)).body;
    const challenge = await openChallenge();
    const draft = (await start(challenge.id, firm.cookie)).body;

    const refusals = [
      await invite(soloBid, people.partner.organisationId),
      await invite(draft, firm.organisationId),
      await invite(draft, people.partner.organisationId, 100),
      await invite(draft, people.institute.organisationId),
      await invite(draft, commissioner.organisationId),
    ];
    const first = await invite(draft, people.partner.organisationId, 60);
    const twice = await invite(first.body, people.partner.organisationId, 50);
    const tooMuch = await invite(first.body, people.second.organisationId, 40);

    expect(refusals.map((refused) => refused.status)).toEqual([409, 409, 422, 422, 422]);
    expect(refusals[2]!.body.errors?.[0]?.field).toBe('body.sharePercent');
    expect(refusals[3]!.body.errors?.[0]?.field).toBe('body.organisationId');
    expect(first.status).toBe(200);
    expect(twice.status).toBe(409);
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.errors?.[0]?.field).toBe('body.sharePercent');
  });

  it('invites a firm that bids on the challenge already exactly like any other, so the lead learns nothing of its bidding; only the firm itself is told, when it confirms (409)', async () => {
    const { firm, otherFirm } = world.people;
    const challenge = await openChallenge();
    const rivalBid = (await start(challenge.id, otherFirm.cookie, bidContent(challenge.criteria, 'rival'))).body;
    const draft = (await start(challenge.id, firm.cookie)).body;
    const bystander = await verifiedOrganisation(world.api, firmRegistration({ name: `Bystander ${ulid().slice(-6)}` }), world.people.staff.cookie);

    const bidding = await invite(draft, otherFirm.organisationId, 20);
    const notBidding = await invite(bidding.body, bystander.organisationId, 20);
    const confirmed = await world.api.call<BidAnswer>('POST', `/api/bids/${draft.id}/partners/${otherFirm.organisationId}/confirm`, { cookie: otherFirm.cookie });
    const leadsView = await read(draft.id, firm.cookie);

    expect([bidding.status, notBidding.status]).toEqual([200, 200]);
    expect(bidding.body.partners.find((partner) => partner.organisationId === otherFirm.organisationId)?.status).toBe('invited');
    expect(confirmed.status).toBe(409);
    expect(confirmed.body.detail).toContain('already has a bid on this challenge');
    expect(leadsView.body.partners.find((partner) => partner.organisationId === otherFirm.organisationId)?.status).toBe('invited');
    expect(JSON.stringify(leadsView.body)).not.toContain(rivalBid.id);
    // The rival's own bid is untouched, and the bystander can still confirm.
    expect((await read(rivalBid.id, otherFirm.cookie)).status).toBe(200);
    expect((await answer(draft.id, bystander, 'confirm')).status).toBe(200);
  });

  it('shows an invited partner only what it decides on (the challenge, the lead, its own role and share), and the bid itself, price and approach included, once it confirms', async () => {
    const { firm } = world.people;
    const challenge = await openChallenge();
    const mark = `lead-secret-${ulid().toLowerCase()}`;
    const draft = (await start(challenge.id, firm.cookie, bidContent(challenge.criteria, mark, { priceCents: 4_123_400 }))).body;
    const first = (await invite(draft, people.partner.organisationId, 25)).body;
    await invite(first, people.second.organisationId, 15);

    const invitedView = await read(draft.id, people.partner.cookie);
    const invitedDashboard = await world.api.call<{ items: { id: string; priceCents?: number }[] }>('GET', `/api/organisations/${people.partner.organisationId}/bids`, {
      cookie: people.partner.cookie,
    });
    await answer(draft.id, people.partner, 'confirm');
    const confirmedView = await read(draft.id, people.partner.cookie);

    expect(invitedView.status).toBe(200);
    expect(invitedView.body).toMatchObject({ challengeTitle: challenge.title, leadName: 'Studio Noord', yourRole: 'partner', priceAgainstBudget: null, audit: [] });
    expect(invitedView.body.partners).toEqual([
      expect.objectContaining({ organisationId: people.partner.organisationId, role: 'Sound design and field recordings', sharePercent: 25, status: 'invited' }),
    ]);
    for (const hidden of [mark, '4123400', 'Motion Lab', 'Anna de Vries']) expect(JSON.stringify(invitedView.body)).not.toContain(hidden);
    expect(invitedDashboard.body.items.find((item) => item.id === draft.id)?.priceCents).toBeUndefined();
    expect(confirmedView.body).toMatchObject({ priceCents: 4_123_400, approach: expect.stringContaining(mark) });
    expect(confirmedView.body.partners.map((partner) => partner.name).sort()).toEqual(['Klankwerk', 'Motion Lab']);
  });

  it('takes a verified knowledge institution as a partner on a partner search', async () => {
    const challenge = await openChallenge({ type: 'partner_search' });
    const draft = (await start(challenge.id, world.people.firm.cookie)).body;

    const invited = await invite(draft, people.institute.organisationId, 40);
    const confirmed = await answer(draft.id, people.institute, 'confirm');

    expect(invited.status).toBe(200);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.partners).toEqual([expect.objectContaining({ name: 'Lectoraat Civic Design', status: 'confirmed' })]);
  });

  it('lets only the lead change the consortium, and only while the bid is unsealed: a partner gets 404, a submitted bid 409', async () => {
    const challenge = await openChallenge();
    const { firm } = world.people;
    const draft = (await start(challenge.id, firm.cookie, bidContent(challenge.criteria, 'lead-only'))).body;
    const invited = (await invite(draft, people.partner.organisationId, 25)).body;
    await answer(draft.id, people.partner, 'confirm');

    const byPartner = await invite(invited, people.second.organisationId, 10, people.partner.cookie);
    const partnerEdits = await world.api.call('PATCH', `/api/bids/${draft.id}`, { cookie: people.partner.cookie, body: { version: invited.version, approach: 'Ours now' } });
    const partnerRemoves = await world.api.call('DELETE', `/api/bids/${draft.id}/partners/${people.partner.organisationId}`, { cookie: people.partner.cookie });
    const sealed = (await submit(invited)).body;
    const afterSeal = await invite(sealed, people.second.organisationId, 10);
    const removeAfterSeal = await world.api.call('DELETE', `/api/bids/${draft.id}/partners/${people.partner.organisationId}`, { cookie: firm.cookie });

    expect([byPartner.status, partnerEdits.status, partnerRemoves.status]).toEqual([404, 404, 404]);
    expect(sealed.status).toBe('submitted');
    expect([afterSeal.status, removeAfterSeal.status]).toEqual([409, 409]);
  });

  it("lists an organisation's consortium invitations and its bids as partner, to its members only", async () => {
    const challenge = await openChallenge();
    const draft = (await start(challenge.id, world.people.firm.cookie)).body;
    await invite(draft, people.second.organisationId, 15);

    const invitations = await world.api.call<{ items: Record<string, unknown>[] }>('GET', `/api/organisations/${people.second.organisationId}/consortium-invitations`, {
      cookie: people.second.cookie,
    });
    const bids = await world.api.call<{ items: Record<string, unknown>[] }>('GET', `/api/organisations/${people.second.organisationId}/bids`, { cookie: people.second.cookie });

    expect(invitations.body.items[0]).toEqual({
      bidId: draft.id,
      challengeId: challenge.id,
      challengeTitle: challenge.title,
      leadName: 'Studio Noord',
      role: 'Sound design and field recordings',
      sharePercent: 15,
      status: 'invited',
      bidStatus: 'draft',
      bidDeadline: expect.any(String),
    });
    const stranger = await world.api.call('GET', `/api/organisations/${people.second.organisationId}/consortium-invitations`, { cookie: world.people.otherFirm.cookie });
    expect(stranger.status).toBe(404);
    expect(bids.body.items).toContainEqual(expect.objectContaining({ id: draft.id, yourRole: 'partner', partnerStatus: 'invited', leadName: 'Studio Noord' }));
  });
});
