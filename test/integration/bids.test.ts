import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import type { Bid, CreateBid, FirmBidSummary } from '#shared/bid.ts';
import { bidDigest } from '#shared/bid-seal.ts';
import { remindDraftBidders } from '#functions/domain/bids/remind-draft-bidders.ts';
import { wiring } from '#functions/wiring.ts';
import { bidContent, passDeadline } from '../helpers/bids.ts';
import { daysFromNow, storedChallenge, useMarketplace, verifiedOrganisation, type ChallengeAnswer, type Problem } from '../helpers/challenges.ts';
import { createInbox } from '../helpers/inbox.ts';
import { commissionerRegistration, firmRegistration, registeredBy } from '../helpers/organisations.ts';

type BidAnswer = Bid & Omit<Problem, 'status'>;
type ChallengeWithBids = ChallengeAnswer & { bidCount?: number; yourBid?: { id: string; status: string; role: string } };

/** What the receipt's digest covers, recomputed from the bid as its reader sees it (as the bid page does). */
const digestOf = (bid: Bid) =>
  bidDigest({
    bidId: bid.id,
    challengeId: bid.challengeId,
    leadOrganisationId: bid.leadOrganisationId,
    approach: bid.approach!,
    priceCents: bid.priceCents!,
    timeline: bid.timeline!,
    team: bid.team!,
    portfolioLinks: bid.portfolioLinks!,
    criterionAnswers: bid.criterionAnswers!,
    partners: bid.partners,
  });

describe('Bids: one per firm, drafted, sealed, withdrawn and resubmitted before the deadline, sealed from everyone else', { timeout: 120_000 }, () => {
  const world = useMarketplace();
  const inbox = createInbox();
  const staffEmail = () => wiring().config.STAFF_EMAILS[0]!;

  /** An open challenge with a title no other test uses, so its emails can be told apart. */
  const openChallenge = async (overrides = {}) => {
    const title = `Bids wanted ${ulid().slice(-8)}`;
    const challenge = await storedChallenge(world.people.commissioner.organisationId, 'published', { title, ...overrides });
    return { id: challenge.challengeId, title, criteria: challenge.criteria.length };
  };
  const start = (challengeId: string, cookie: string, body: CreateBid = {}) => world.api.call<BidAnswer>('POST', `/api/challenges/${challengeId}/bids`, { cookie, body });
  const read = (bidId: string, cookie?: string) => world.api.call<BidAnswer>('GET', `/api/bids/${bidId}`, { ...(cookie ? { cookie } : {}) });
  const save = (bidId: string, cookie: string, body: Record<string, unknown>) => world.api.call<BidAnswer>('PATCH', `/api/bids/${bidId}`, { cookie, body });
  const act = (bidId: string, action: 'submit' | 'withdraw', cookie: string, version: number) =>
    world.api.call<BidAnswer>('POST', `/api/bids/${bidId}/${action}`, { cookie, body: { version } });
  const challengeAs = (challengeId: string, cookie?: string) => world.api.call<ChallengeWithBids>('GET', `/api/challenges/${challengeId}`, { ...(cookie ? { cookie } : {}) });
  const mailsAbout = async (address: string, title: string) => (await inbox.to(address)).filter((email) => email.subject.includes(title));

  /** A firm's complete bid on a challenge, submitted. */
  const submitted = async (challenge: { id: string; criteria: number }, cookie: string, mark: string) => {
    const draft = await start(challenge.id, cookie, bidContent(challenge.criteria, mark));
    const sealed = await act(draft.body.id, 'submit', cookie, draft.body.version);
    expect(sealed.status).toBe(200);
    return sealed.body;
  };

  it('starts a draft (201, located at /api/bids/{id}) and refuses a second bid by the same firm (409), even when both arrive at once', async () => {
    const challenge = await openChallenge();
    const { firm } = world.people;

    const first = await start(challenge.id, firm.cookie, { approach: 'A first thought' });
    const second = await start(challenge.id, firm.cookie, { approach: 'Another go' });
    const raced = await openChallenge();
    const both = await Promise.all([start(raced.id, world.people.otherFirm.cookie), start(raced.id, world.people.otherFirm.cookie)]);

    expect(first.status).toBe(201);
    expect(first.headers.get('location')).toBe(`/api/bids/${first.body.id}`);
    expect(first.body).toMatchObject({ status: 'draft', approach: 'A first thought', leadName: 'Studio Noord', yourRole: 'lead', version: 1, leadSharePercent: 100, partners: [] });
    expect(first.body.audit.map((entry) => entry.action)).toEqual(['started']);
    expect(second.status).toBe(409);
    expect(both.map((answer) => answer.status).sort()).toEqual([201, 409]);
  });

  it('lets only a verified firm bid (403 naming its status for an unverified firm, 404 for a commissioner), only on an open challenge it may see (404, 409), and only after accepting a required NDA (409)', async () => {
    const { commissioner, firm } = world.people;
    const challenge = await openChallenge();
    const unverified = await registeredBy(world.api, firmRegistration({ name: 'Nog Niet Geverifieerd' }));
    const draft = await storedChallenge(commissioner.organisationId, 'draft');
    const closed = await storedChallenge(commissioner.organisationId, 'published', { questionDeadline: daysFromNow(-3), bidDeadline: daysFromNow(-1) });
    const withNda = await openChallenge({ ndaRequired: true });

    const byUnverified = await start(challenge.id, unverified.cookie);
    expect(byUnverified.status).toBe(403);
    expect(byUnverified.body.detail).toMatch(/waiting for verification/);
    expect((await start(challenge.id, commissioner.cookie)).status).toBe(404);
    expect((await start(draft.challengeId, firm.cookie)).status).toBe(404);
    expect((await start(closed.challengeId, firm.cookie)).status).toBe(409);
    const beforeNda = await start(withNda.id, firm.cookie);
    expect(beforeNda.status).toBe(409);
    expect(beforeNda.body.detail).toMatch(/non-disclosure/);
    const page = await challengeAs(withNda.id, firm.cookie);
    expect(page.body.can).toMatchObject({ bid: false, acceptNda: true });
    await world.api.call('POST', `/api/challenges/${withNda.id}/nda`, { cookie: firm.cookie });
    expect((await challengeAs(withNda.id, firm.cookie)).body.can).toMatchObject({ bid: true });
    expect((await start(withNda.id, firm.cookie)).status).toBe(201);
  });

  it('autosaves partial changes of a draft, refuses a save of a stale version (409) and more answers than criteria (422)', async () => {
    const challenge = await openChallenge();
    const { firm } = world.people;
    const draft = (await start(challenge.id, firm.cookie)).body;

    const saved = await save(draft.id, firm.cookie, { version: draft.version, priceCents: 5_000_000, timeline: 'Twelve weeks' });
    const again = await save(draft.id, firm.cookie, { version: saved.body.version, approach: 'Residents first' });
    const stale = await save(draft.id, firm.cookie, { version: draft.version, approach: 'Overwritten?' });
    const tooMany = await save(draft.id, firm.cookie, { version: again.body.version, criterionAnswers: ['a', 'b', 'c', 'd'] });

    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ priceCents: 5_000_000, timeline: 'Twelve weeks', priceAgainstBudget: 'above', status: 'draft', version: 2 });
    expect(again.body).toMatchObject({ priceCents: 5_000_000, approach: 'Residents first', version: 3 });
    expect(stale.status).toBe(409);
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.errors?.map(({ field }) => field)).toEqual(['body.criterionAnswers']);
    expect((await read(draft.id, firm.cookie)).body).toMatchObject({ approach: 'Residents first', version: 3 });
  });

  it('refuses to submit an incomplete bid with 422, naming each field it lacks', async () => {
    const challenge = await openChallenge();
    const { firm } = world.people;
    const draft = (await start(challenge.id, firm.cookie, { criterionAnswers: ['We listen to residents in three sessions, then test.'] })).body;

    const refused = await act(draft.id, 'submit', firm.cookie, draft.version);

    expect(refused.status).toBe(422);
    expect(refused.body.errors?.map(({ field }) => field)).toEqual([
      'body.approach',
      'body.priceCents',
      'body.timeline',
      'body.team',
      'body.criterionAnswers.1',
      'body.criterionAnswers.2',
    ]);
    expect((await read(draft.id, firm.cookie)).body.status).toBe('draft');
  });

  it('seals a submitted bid: its receipt digest is that of the returned content, the challenge audit records the time and digest without the firm, and the lead is emailed the receipt', async () => {
    const challenge = await openChallenge();
    const { commissioner, firm } = world.people;
    const draft = (await start(challenge.id, firm.cookie, bidContent(challenge.criteria, 'sealed-approach'))).body;

    const sealed = await act(draft.id, 'submit', firm.cookie, draft.version);
    const trail = (await challengeAs(challenge.id, commissioner.cookie)).body.audit!;
    await world.deliver();

    expect(sealed.status).toBe(200);
    const receipt = sealed.body.receipt!;
    expect(sealed.body.status).toBe('submitted');
    expect(receipt).toMatchObject({ bidId: draft.id, challengeId: challenge.id, algorithm: 'SHA-256' });
    expect(receipt.digest).toBe(await digestOf(sealed.body));
    expect(sealed.body.audit.at(-1)).toMatchObject({ action: 'submitted', digest: receipt.digest });
    const sealLine = trail.find((entry) => entry.action === 'bid_sealed')!;
    expect(sealLine).toEqual({ at: receipt.sealedAt, action: 'bid_sealed', actorRole: 'system', note: receipt.digest, changes: [] });
    expect(JSON.stringify(trail)).not.toContain(firm.organisationId);
    expect(JSON.stringify(trail)).not.toContain('Studio Noord');
    const [mail] = await mailsAbout(firm.email, challenge.title);
    expect(mail?.body.text).toContain(receipt.digest);
  });

  it('re-seals a submitted bid when it is edited, with a new receipt; an edit that leaves it incomplete gets 422 and changes nothing', async () => {
    const challenge = await openChallenge();
    const { firm } = world.people;
    const first = await submitted(challenge, firm.cookie, 'first-version');

    const edited = await save(first.id, firm.cookie, { version: first.version, priceCents: 4_000_000 });
    const emptied = await save(first.id, firm.cookie, { version: edited.body.version, approach: 'Too short' });

    expect(edited.status).toBe(200);
    expect(edited.body.status).toBe('submitted');
    expect(edited.body.receipt!.digest).not.toBe(first.receipt!.digest);
    expect(edited.body.receipt!.digest).toBe(await digestOf(edited.body));
    expect(edited.body.audit.filter((entry) => entry.digest).map((entry) => [entry.action, entry.digest])).toEqual([
      ['submitted', first.receipt!.digest],
      ['resealed', edited.body.receipt!.digest],
    ]);
    expect(emptied.status).toBe(422);
    expect(emptied.body.errors?.map(({ field }) => field)).toEqual(['body.approach']);
    expect((await read(first.id, firm.cookie)).body).toMatchObject({ priceCents: 4_000_000, version: edited.body.version, receipt: edited.body.receipt });
  });

  it('withdraws a submitted bid (it no longer counts), and lets it be edited and submitted again before the deadline', async () => {
    const challenge = await openChallenge();
    const { commissioner, firm } = world.people;
    const sealed = await submitted(challenge, firm.cookie, 'withdrawn-then-back');
    const countBefore = (await challengeAs(challenge.id, commissioner.cookie)).body.bidCount;

    const withdrawn = await act(sealed.id, 'withdraw', firm.cookie, sealed.version);
    const countWithdrawn = (await challengeAs(challenge.id, commissioner.cookie)).body.bidCount;
    const edited = await save(sealed.id, firm.cookie, { version: withdrawn.body.version, timeline: 'Ten weeks in all, with a pilot in week six.' });
    const again = await act(sealed.id, 'submit', firm.cookie, edited.body.version);
    const twice = await act(sealed.id, 'withdraw', firm.cookie, sealed.version);

    expect(countBefore).toBe(1);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect(withdrawn.body.receipt).toBeUndefined();
    expect(countWithdrawn).toBe(0);
    expect(edited.body.status).toBe('withdrawn');
    expect(again.body.status).toBe('submitted');
    expect(again.body.receipt!.digest).toBe(await digestOf(again.body));
    expect((await challengeAs(challenge.id, commissioner.cookie)).body.bidCount).toBe(1);
    expect(twice.status).toBe(409);
    expect(again.body.audit.map((entry) => entry.action)).toEqual(['started', 'submitted', 'withdrawn', 'submitted']);
  });

  it('changes nothing about a bid after the deadline: saving, withdrawing, submitting, starting and asking for help all get 409', async () => {
    const challenge = await openChallenge();
    const { firm, otherFirm } = world.people;
    const sealed = await submitted(challenge, firm.cookie, 'past-deadline');
    const late = await verifiedOrganisation(world.api, firmRegistration({ name: 'Te Laat' }), world.people.staff.cookie);
    const draft = (await start(challenge.id, otherFirm.cookie, bidContent(challenge.criteria, 'never-submitted'))).body;
    await passDeadline(challenge.id);

    const answers = await Promise.all([
      save(sealed.id, firm.cookie, { version: sealed.version, priceCents: 1 }),
      act(sealed.id, 'withdraw', firm.cookie, sealed.version),
      act(draft.id, 'submit', otherFirm.cookie, draft.version),
      start(challenge.id, late.cookie, bidContent(challenge.criteria)),
      world.api.call<BidAnswer>('POST', `/api/bids/${sealed.id}/help`, { cookie: firm.cookie, body: { message: 'Can we still change the price?' } }),
    ]);

    expect(answers.map((answer) => answer.status)).toEqual([409, 409, 409, 409, 409]);
    expect(answers[0]!.body.detail).toMatch(/deadline has passed/);
    const after = (await read(sealed.id, firm.cookie)).body;
    expect(after).toMatchObject({ status: 'submitted', priceCents: sealed.priceCents, version: sealed.version, receipt: sealed.receipt });
    expect(after.can).toMatchObject({ edit: false, withdraw: false, askForHelp: false });
    expect((await read(draft.id, otherFirm.cookie)).body.status).toBe('draft');
  });

  it('keeps a bid sealed before the deadline: the commissioner, staff and a competing firm get 404 for it, and the commissioner and staff see only the count', async () => {
    const challenge = await openChallenge();
    const { commissioner, firm, otherFirm, staff } = world.people;
    const secret = `secret-approach-${ulid().toLowerCase()}`;
    const sealed = await submitted(challenge, firm.cookie, secret);

    const outsiders = [commissioner.cookie, staff.cookie, otherFirm.cookie];
    const bidAnswers = await Promise.all(outsiders.map((cookie) => read(sealed.id, cookie)));
    const anonymous = await read(sealed.id);
    const pages = await Promise.all([...outsiders.map((cookie) => challengeAs(challenge.id, cookie)), challengeAs(challenge.id)]);

    expect(bidAnswers.map((answer) => answer.status)).toEqual([404, 404, 404]);
    expect(anonymous.status).toBe(401);
    expect(pages.map((page) => page.body.bidCount)).toEqual([1, 1, undefined, undefined]);
    for (const answer of [...bidAnswers, anonymous, ...pages]) {
      const text = JSON.stringify(answer.body);
      expect(text).not.toContain(secret);
      expect(text).not.toContain(firm.organisationId);
      expect(text).not.toContain('Studio Noord');
      expect((answer.body as ChallengeWithBids).yourBid).toBeUndefined();
    }
    for (const answer of bidAnswers) expect(answer.body.detail).not.toContain(sealed.id);
  });

  it('lets staff read a bid (and emails them the firm and its message) only once its firm asks for help; the commissioner still gets 404', async () => {
    const challenge = await openChallenge();
    const { commissioner, firm, staff } = world.people;
    const draft = (await start(challenge.id, firm.cookie, bidContent(challenge.criteria, 'needs-help'))).body;
    const before = await read(draft.id, staff.cookie);

    const asked = await world.api.call<BidAnswer>('POST', `/api/bids/${draft.id}/help`, { cookie: firm.cookie, body: { message: 'How do we price the co-design sessions?' } });
    const byStaff = await read(draft.id, staff.cookie);
    const byCommissioner = await read(draft.id, commissioner.cookie);
    await world.deliver();

    expect(before.status).toBe(404);
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ helpRequestedAt: expect.any(String), version: draft.version });
    expect(byStaff.status).toBe(200);
    expect(byStaff.body).toMatchObject({ yourRole: 'staff', approach: draft.approach });
    expect(Object.values(byStaff.body.can).every((allowed) => !allowed)).toBe(true);
    expect(byCommissioner.status).toBe(404);
    const [mail] = await mailsAbout(staffEmail(), challenge.title);
    expect(mail?.subject).toContain('Studio Noord');
    expect(mail?.body.text).toContain('How do we price the co-design sessions?');
  });

  it('shows a firm its own bid on the challenge (yourBid) and offers to bid only until it has one; the commissioner may evaluate only after the deadline', async () => {
    const challenge = await openChallenge();
    const { commissioner, firm } = world.people;
    const before = (await challengeAs(challenge.id, firm.cookie)).body;
    const draft = (await start(challenge.id, firm.cookie)).body;
    const after = (await challengeAs(challenge.id, firm.cookie)).body;
    const commissionerOpen = (await challengeAs(challenge.id, commissioner.cookie)).body;
    await passDeadline(challenge.id);
    const commissionerClosed = (await challengeAs(challenge.id, commissioner.cookie)).body;

    expect(before.can).toMatchObject({ bid: true, evaluate: false });
    expect(before.yourBid).toBeUndefined();
    expect(after.yourBid).toEqual({ id: draft.id, status: 'draft', role: 'lead' });
    expect(after.can.bid).toBe(false);
    expect(commissionerOpen.can).toMatchObject({ bid: false, evaluate: false });
    expect(commissionerClosed.can.evaluate).toBe(true);
    // The draft never reached the commissioner: it is not counted.
    expect(commissionerClosed.bidCount).toBe(0);
  });

  it('opens a sealed bid to the commissioner after the deadline, but never a draft', async () => {
    const challenge = await openChallenge();
    const { commissioner, firm, otherFirm } = world.people;
    const sealed = await submitted(challenge, firm.cookie, 'opened-after-deadline');
    const draft = (await start(challenge.id, otherFirm.cookie, bidContent(challenge.criteria))).body;
    await passDeadline(challenge.id);

    const opened = await read(sealed.id, commissioner.cookie);
    const hidden = await read(draft.id, commissioner.cookie);

    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ yourRole: 'commissioner', leadName: 'Studio Noord', receipt: sealed.receipt });
    expect(opened.body.can).toMatchObject({ edit: false, score: true, shortlist: true });
    expect(hidden.status).toBe(404);
  });

  it('tells firms with a draft bid, once, that the deadline is within 48 hours, and not those who submitted', async () => {
    const challenge = await openChallenge({ questionDeadline: daysFromNow(0.5), bidDeadline: daysFromNow(1) });
    const { commissioner, firm, otherFirm } = world.people;
    await submitted(challenge, firm.cookie, 'in-time');
    await start(challenge.id, otherFirm.cookie, bidContent(challenge.criteria, 'still-a-draft'));

    const first = await remindDraftBidders(wiring().bidPorts);
    const second = await remindDraftBidders(wiring().bidPorts);
    await world.deliver();

    expect(first.done).toBeGreaterThanOrEqual(1);
    expect(second).toEqual({ done: 0, failed: [] });
    expect((await wiring().challengePorts.challenges.challenge(challenge.id))?.bidReminderSentAt).toEqual(expect.any(String));
    expect((await challengeAs(challenge.id, commissioner.cookie)).body.audit!.filter((entry) => entry.action === 'bid_reminder_sent')).toHaveLength(1);
    expect(await mailsAbout(otherFirm.email, challenge.title)).toHaveLength(1);
    expect((await mailsAbout(firm.email, challenge.title)).map((mail) => mail.subject)).not.toContainEqual(expect.stringMatching(/deadline/i));
  });

  it('tells a firm that withdrew its bid, once, that the deadline is within 48 hours', async () => {
    const challenge = await openChallenge({ questionDeadline: daysFromNow(0.5), bidDeadline: daysFromNow(1) });
    const { firm } = world.people;
    const sealed = await submitted(challenge, firm.cookie, 'withdrawn-before-the-reminder');
    expect((await act(sealed.id, 'withdraw', firm.cookie, sealed.version)).body.status).toBe('withdrawn');

    await remindDraftBidders(wiring().bidPorts);
    await remindDraftBidders(wiring().bidPorts);
    await world.deliver();

    const reminders = (await mailsAbout(firm.email, challenge.title)).filter((mail) => mail.subject === `The deadline for “${challenge.title}” is near`);
    expect(reminders).toHaveLength(1);
  });

  it('tells a bidding firm of an answer to a question, as it tells firms that follow', async () => {
    const challenge = await openChallenge();
    const { commissioner, firm, otherFirm } = world.people;
    await start(challenge.id, firm.cookie);
    const asked = await world.api.call<ChallengeAnswer>('POST', `/api/challenges/${challenge.id}/questions`, {
      cookie: otherFirm.cookie,
      body: { question: 'Is the price including VAT?' },
    });

    await world.api.call('POST', `/api/challenges/${challenge.id}/questions/${asked.body.questions[0]!.id}/answer`, {
      cookie: commissioner.cookie,
      body: { answer: 'No, excluding VAT.' },
    });
    await world.deliver();

    expect(await mailsAbout(firm.email, challenge.title)).toHaveLength(1);
  });

  it("lists a firm's bids, newest first, with the challenge and the status as everyone sees it now", async () => {
    const { firm } = world.people;
    const challenge = await openChallenge();
    const draft = (await start(challenge.id, firm.cookie, { priceCents: 2_500_000 })).body;

    const listed = await world.api.call<{ items: FirmBidSummary[]; cursor: string | null }>('GET', `/api/organisations/${firm.organisationId}/bids?limit=100`, {
      cookie: firm.cookie,
    });
    const strangers = await world.api.call('GET', `/api/organisations/${firm.organisationId}/bids`, { cookie: world.people.otherFirm.cookie });

    expect(listed.status).toBe(200);
    expect(listed.body.items[0]).toMatchObject({
      id: draft.id,
      challengeId: challenge.id,
      challengeTitle: challenge.title,
      commissionerName: 'Waterschap Test',
      challengeStatus: 'published',
      status: 'draft',
      yourRole: 'lead',
      leadName: 'Studio Noord',
      priceCents: 2_500_000,
    });
    expect(strangers.status).toBe(404);
  });

  it('keeps the commissioner out of every bid route: a commissioner organisation cannot start one, and another commissioner never reads one', async () => {
    const challenge = await openChallenge();
    const { firm, staff } = world.people;
    const rival = await verifiedOrganisation(world.api, commissionerRegistration({ name: 'Gemeente Elders' }), staff.cookie);
    const sealed = await submitted(challenge, firm.cookie, 'other-commissioner');
    await passDeadline(challenge.id);

    expect((await read(sealed.id, rival.cookie)).status).toBe(404);
    expect((await start(challenge.id, rival.cookie)).status).toBe(404);
  });
});
