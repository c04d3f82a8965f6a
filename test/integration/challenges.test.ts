import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { closeChallengesPastDeadline } from '#functions/domain/challenges/close-challenges.ts';
import { wiring } from '#functions/wiring.ts';
import { challengeTerms, daysFromNow, storedChallenge, useMarketplace, type ChallengeAnswer, type Problem } from '../helpers/challenges.ts';
import { createInbox } from '../helpers/inbox.ts';

describe('Challenges: drafting, moderation, publication, amendment, cancellation and the deadline close', () => {
  const inbox = createInbox();
  const world = useMarketplace();

  const asCommissioner = () => world.people.commissioner.cookie;
  const draft = async (overrides = {}) => {
    const created = await world.api.call<ChallengeAnswer>('POST', '/api/challenges', { body: challengeTerms(overrides), cookie: asCommissioner() });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body;
  };
  const act = (challenge: { id: string }, action: string, body: object, cookie = asCommissioner()) =>
    world.api.call<ChallengeAnswer & Problem>('POST', `/api/challenges/${challenge.id}/${action}`, { body, cookie });
  const moderate = (challenge: { id: string }, action: string, body: object) =>
    world.api.call<ChallengeAnswer & Problem>('POST', `/api/staff/challenges/${challenge.id}/${action}`, { body, cookie: world.people.staff.cookie });
  const view = (challenge: { id: string }, cookie?: string) => world.api.call<ChallengeAnswer>('GET', `/api/challenges/${challenge.id}`, { ...(cookie ? { cookie } : {}) });
  const published = async (overrides = {}) => {
    const created = await draft(overrides);
    const submitted = await act(created, 'submit', { version: created.version });
    const approved = await moderate(created, 'approve', { version: submitted.body.version });
    expect(approved.status).toBe(200);
    return approved.body;
  };
  const mailTo = async (address: string, subject: RegExp) => {
    await world.deliver();
    return (await inbox.to(address)).filter((email) => subject.test(email.subject));
  };

  it('stores a new draft for the organisation, shown to its members and staff only, with the first audit line', async () => {
    const created = await draft();

    expect(created).toMatchObject({ status: 'draft', version: 1, commissionerName: 'Waterschap Amstel', sector: 'government', can: { edit: true, submit: true } });
    expect((await view(created)).status).toBe(404);
    expect((await view(created, world.people.firm.cookie)).status).toBe(404);
    expect((await view(created, world.people.staff.cookie)).body.audit?.map((entry) => entry.action)).toEqual(['created']);
    expect((await view(created, asCommissioner())).body.audit?.[0]).toMatchObject({ actorRole: 'commissioner', changes: [] });
  });

  it('walks submit, changes requested, resubmit and approval, emailing staff and the commissioner at each step', async () => {
    const created = await draft({ title: 'Redesign the flood warning' });

    const submitted = await act(created, 'submit', { version: 1 });
    const sentBack = await moderate(created, 'request-changes', { version: submitted.body.version, comment: 'Add an accessibility criterion, please.' });
    const edited = await world.api.call<ChallengeAnswer>('PUT', `/api/challenges/${created.id}`, {
      body: { ...challengeTerms({ title: 'Redesign the flood warning for everyone' }), version: sentBack.body.version },
      cookie: asCommissioner(),
    });
    const resubmitted = await act(created, 'submit', { version: edited.body.version });
    const approved = await moderate(created, 'approve', { version: resubmitted.body.version });

    expect([submitted, sentBack, edited, resubmitted, approved].map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(sentBack.body).toMatchObject({ status: 'draft', statusNote: 'Add an accessibility criterion, please.' });
    expect(approved.body).toMatchObject({ status: 'published', title: 'Redesign the flood warning for everyone' });
    expect(approved.body.statusNote).toBeUndefined();
    expect(await mailTo(wiring().config.STAFF_EMAILS[0]!, /Redesign the flood warning/)).toHaveLength(2);
    const commissionerMail = await mailTo(world.people.commissioner.email, /Redesign the flood warning/);
    expect(commissionerMail).toHaveLength(2);
    expect(commissionerMail.map((email) => email.body.text).join('\n')).toContain('Add an accessibility criterion, please.');
    const trail = (await view(created, world.people.staff.cookie)).body.audit!;
    expect(trail.map((entry) => entry.action)).toEqual(['created', 'submitted', 'changes_requested', 'edited', 'submitted', 'approved']);
    expect(trail[3]!.changes).toContainEqual({ field: 'title', from: 'Redesign the flood warning', to: 'Redesign the flood warning for everyone' });
    expect(trail[2]).toMatchObject({ actorRole: 'staff', note: 'Add an accessibility criterion, please.' });
  });

  it('lets staff reject with a reason, which the commissioner is emailed; a rejected challenge cannot be submitted again', async () => {
    const created = await draft({ title: 'Free logo for our conference' });
    const submitted = await act(created, 'submit', { version: 1 });

    const rejected = await moderate(created, 'reject', { version: submitted.body.version, reason: 'Unpaid spec work is not allowed.' });
    const again = await act(created, 'submit', { version: rejected.body.version });

    expect(rejected.body).toMatchObject({ status: 'rejected', statusNote: 'Unpaid spec work is not allowed.' });
    expect(again.status).toBe(409);
    expect((await mailTo(world.people.commissioner.email, /Free logo/)).map((email) => email.body.text).join()).toContain('Unpaid spec work is not allowed.');
  });

  it.each([
    ['approve a draft', 'draft', (c: ChallengeAnswer) => moderate(c, 'approve', { version: c.version })],
    ['reject a draft', 'draft', (c: ChallengeAnswer) => moderate(c, 'reject', { version: c.version, reason: 'Not yet.' })],
    ['request changes to a published one', 'published', (c: ChallengeAnswer) => moderate(c, 'request-changes', { version: c.version, comment: 'Too late.' })],
    ['submit a published one', 'published', (c: ChallengeAnswer) => act(c, 'submit', { version: c.version })],
    ['amend a draft', 'draft', (c: ChallengeAnswer) => act(c, 'amendments', { version: c.version, bidDeadline: daysFromNow(40) })],
    [
      'edit a published one',
      'published',
      (c: ChallengeAnswer) => world.api.call<Problem>('PUT', `/api/challenges/${c.id}`, { body: { ...challengeTerms(), version: c.version }, cookie: asCommissioner() }),
    ],
  ])('refuses to %s with 409 and changes nothing', async (_name, stage, attempt) => {
    const challenge = stage === 'draft' ? await draft() : await published();

    const answer = await attempt(challenge);

    expect(answer.status).toBe(409);
    expect((answer.body as Problem).detail).toMatch(/\w/);
    expect((await view(challenge, asCommissioner())).body).toMatchObject({ status: stage, version: challenge.version });
  });

  it('refuses a stale edit with 409 naming body.version, keeping the edit that won', async () => {
    const created = await draft({ title: 'Original title here' });
    const first = await world.api.call('PUT', `/api/challenges/${created.id}`, {
      body: { ...challengeTerms({ title: 'First writer wins' }), version: 1 },
      cookie: asCommissioner(),
    });
    const second = await world.api.call<Problem>('PUT', `/api/challenges/${created.id}`, {
      body: { ...challengeTerms({ title: 'Second writer loses' }), version: 1 },
      cookie: asCommissioner(),
    });

    expect(first.status).toBe(200);
    expect(second.status).toBe(409);
    expect(second.body.errors?.[0]?.field).toBe('body.version');
    expect((await view(created, asCommissioner())).body).toMatchObject({ title: 'First writer wins', version: 2 });
  });

  it('keeps two simultaneous transitions from both succeeding: exactly one wins, the other gets 409', async () => {
    const created = await draft();
    const submitted = await act(created, 'submit', { version: 1 });

    const [approve, reject] = await Promise.all([
      moderate(created, 'approve', { version: submitted.body.version }),
      moderate(created, 'reject', { version: submitted.body.version, reason: 'Racing the approval.' }),
    ]);

    expect([approve.status, reject.status].sort()).toEqual([200, 409]);
  });

  it.each([
    ['a summary over 300 characters', 'body.summary', { summary: 'x'.repeat(301) }],
    ['a maximum budget below the minimum', 'body.budgetMaxCents', { budgetMinCents: 500_000, budgetMaxCents: 400_000 }],
    ['amounts that are not whole cents', 'body.pitchFeeCents', { pitchFeeCents: 10.5 }],
    ['a negative amount', 'body.budgetMinCents', { budgetMinCents: -1 }],
    ['a question deadline after the bid deadline', 'body.questionDeadline', { questionDeadline: daysFromNow(30), bidDeadline: daysFromNow(20) }],
    ['a bid deadline in the past', 'body.questionDeadline', { questionDeadline: daysFromNow(-3), bidDeadline: daysFromNow(-1) }],
    [
      'weights that sum to 90',
      'body.criteria',
      {
        criteria: [
          { name: 'Quality', description: '', weight: 60 },
          { name: 'Price', description: '', weight: 30 },
        ],
      },
    ],
    [
      'a weight that is not whole',
      'body.criteria.0.weight',
      {
        criteria: [
          { name: 'Quality', description: '', weight: 99.5 },
          { name: 'Price', description: '', weight: 0.5 },
        ],
      },
    ],
    ['on-site work without a place', 'body.municipality', { workplace: 'on_site', municipality: undefined }],
    ['a place outside the region', 'body.municipality', { municipality: 'GM9999' }],
    ['a discipline not in the vocabulary', 'body.disciplines.0', { disciplines: ['astrology'] }],
    ['no disciplines', 'body.disciplines', { disciplines: [] }],
    ['an unknown rights model', 'body.rights.model', { rights: { model: 'handshake', portfolioRights: true } }],
    ['an attachment that is not a web link', 'body.attachments.0.url', { attachments: [{ title: 'Brief', url: 'ftp://example.org/brief.pdf' }] }],
    ['an unknown type', 'body.type', { type: 'tender' }],
    ['a field the API does not know', 'body.secretField', { secretField: true }],
  ])('refuses a draft with %s: 422 naming %s, and stores nothing', async (_name, field, overrides) => {
    const before = await world.api.call<{ items: unknown[] }>('GET', `/api/organisations/${world.people.commissioner.organisationId}/challenges?limit=100`, {
      cookie: asCommissioner(),
    });

    const answer = await world.api.call<Problem>('POST', '/api/challenges', { body: { ...challengeTerms(), ...overrides }, cookie: asCommissioner() });

    expect(answer.status).toBe(422);
    expect(answer.body.errors?.map((error) => error.field)).toContain(field);
    const after = await world.api.call<{ items: unknown[] }>('GET', `/api/organisations/${world.people.commissioner.organisationId}/challenges?limit=100`, {
      cookie: asCommissioner(),
    });
    expect(after.body.items).toHaveLength(before.body.items.length);
  });

  it('amends an open challenge with a later bid deadline and an added attachment, recorded in its audit trail', async () => {
    const challenge = await published({ title: 'Amendable challenge' });
    const later = daysFromNow(35);

    const amended = await act(challenge, 'amendments', {
      version: challenge.version,
      bidDeadline: later,
      addAttachments: [{ title: 'Site map', url: 'https://example.org/map.pdf' }],
    });

    expect(amended.status).toBe(200);
    expect(amended.body).toMatchObject({ bidDeadline: later, status: 'published', version: challenge.version + 1 });
    expect((await view(challenge, world.people.firm.cookie)).body).toMatchObject({
      bidDeadline: later,
      attachments: [...challengeTerms().attachments, { title: 'Site map', url: 'https://example.org/map.pdf' }],
    });
    expect((await view(challenge, asCommissioner())).body.audit?.at(-1)).toMatchObject({ action: 'amended' });
  });

  it.each([
    ['brings the bid deadline forward', 'body.bidDeadline', { bidDeadline: daysFromNow(18) }],
    ['changes another field', 'body.title', { title: 'Sneaky new title' }],
    ['changes nothing', 'body.bidDeadline', {}],
  ])('refuses an amendment that %s with 422 (naming %s), and leaves the challenge as it was', async (_what, field, change) => {
    const challenge = await published({ title: 'Unamendable challenge' });
    const before = (await view(challenge, world.people.firm.cookie)).body;

    const refused = await act(challenge, 'amendments', { version: challenge.version, ...change });

    expect(refused.status).toBe(422);
    expect(refused.body.errors?.map((error) => error.field)).toContain(field);
    expect((await view(challenge, world.people.firm.cookie)).body).toEqual(before);
  });

  describe('emails each amendment to every firm that has shown interest, and to no other firm', () => {
    const amendedAfter = async (title: string, showInterest: (challenge: ChallengeAnswer, cookie: string) => Promise<{ status: number }>) => {
      const challenge = await published({ title });
      expect((await showInterest(challenge, world.people.firm.cookie)).status).toBeLessThan(300);
      const amended = await act(challenge, 'amendments', { version: (await view(challenge)).body.version, bidDeadline: daysFromNow(35) });
      expect(amended.status).toBe(200);
      const amendment = new RegExp(`The challenge “${title}” has changed`);
      return { interested: await mailTo(world.people.firm.email, amendment), uninterested: await mailTo(world.people.otherFirm.email, amendment) };
    };

    it('a firm that follows it', async () => {
      const mails = await amendedAfter(`Followed ${ulid().slice(-8)}`, (challenge, cookie) => world.api.call('PUT', `/api/challenges/${challenge.id}/follow`, { cookie }));

      expect(mails.interested).toHaveLength(1);
      expect(mails.uninterested).toHaveLength(0);
    });

    it('a firm that started a bid on it', async () => {
      const mails = await amendedAfter(`Bid on ${ulid().slice(-8)}`, (challenge, cookie) => world.api.call('POST', `/api/challenges/${challenge.id}/bids`, { body: {}, cookie }));

      expect(mails.interested).toHaveLength(1);
      expect(mails.uninterested).toHaveLength(0);
    });

    it('a firm that asked a question about it', async () => {
      const mails = await amendedAfter(`Asked about ${ulid().slice(-8)}`, (challenge, cookie) =>
        world.api.call('POST', `/api/challenges/${challenge.id}/questions`, { body: { question: 'May a consortium include a university?' }, cookie }),
      );

      expect(mails.interested).toHaveLength(1);
      expect(mails.uninterested).toHaveLength(0);
    });
  });

  it('takes at most 5 amendments a day per challenge, as each emails every interested firm: the 6th gets 429 with Retry-After and sends nothing', async () => {
    const cap = wiring().config.AMENDMENTS_PER_CHALLENGE_PER_DAY;
    const challenge = await published({ title: 'Often amended challenge' });
    await world.api.call('PUT', `/api/challenges/${challenge.id}/follow`, { cookie: world.people.firm.cookie });

    let version = challenge.version;
    let bidDeadline = '';
    for (let day = 1; day <= cap; day++) {
      bidDeadline = daysFromNow(30 + day);
      const amended = await act(challenge, 'amendments', { version, bidDeadline });
      expect(amended.status).toBe(200);
      version = amended.body.version;
    }
    const once = await act(challenge, 'amendments', { version, bidDeadline: daysFromNow(40) });

    expect(cap).toBe(5);
    expect(once.status).toBe(429);
    expect(Number(once.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(once.body.detail).toMatch(/amended 5 times today/);
    expect((await view(challenge)).body).toMatchObject({ version, bidDeadline });
    expect(await mailTo(world.people.firm.email, /Often amended challenge/)).toHaveLength(cap);
  });

  it('cancels a published challenge with a reason, emailing the firms that follow it; a cancelled one cannot be cancelled again', async () => {
    const challenge = await published({ title: 'Cancelled challenge' });
    await world.api.call('PUT', `/api/challenges/${challenge.id}/follow`, { cookie: world.people.otherFirm.cookie });

    const cancelled = await act(challenge, 'cancel', { version: challenge.version, reason: 'The budget was withdrawn.' });
    const again = await act(challenge, 'cancel', { version: cancelled.body.version, reason: 'Once more.' });

    expect(cancelled.body).toMatchObject({ status: 'cancelled', statusNote: 'The budget was withdrawn.' });
    expect(again.status).toBe(409);
    expect((await world.api.call<{ items: { id: string }[] }>('GET', '/api/challenges?limit=100')).body.items.map((item) => item.id)).not.toContain(challenge.id);
    expect((await mailTo(world.people.otherFirm.email, /Cancelled challenge/)).map((email) => email.body.text).join()).toContain('The budget was withdrawn.');
  });

  it('shows a challenge past its deadline as closed before the job runs; the job then closes it and tells the commissioner', async () => {
    const expired = await storedChallenge(world.people.commissioner.organisationId, 'published', {
      title: 'Expired but not yet closed',
      questionDeadline: daysFromNow(-2),
      bidDeadline: daysFromNow(-1),
    });
    const open = await storedChallenge(world.people.commissioner.organisationId, 'published', { title: 'Still open' });

    const before = await view({ id: expired.challengeId }, world.people.firm.cookie);
    const listed = (await world.api.call<{ items: { id: string }[] }>('GET', '/api/challenges?limit=100')).body.items.map((item) => item.id);
    const closedNow = await closeChallengesPastDeadline(wiring().challengePorts);
    const after = await view({ id: expired.challengeId }, asCommissioner());

    expect(before.body).toMatchObject({ status: 'closed', can: { ask: false, follow: false } });
    expect(listed).toContain(open.challengeId);
    expect(listed).not.toContain(expired.challengeId);
    expect(closedNow).toEqual({ done: 1, failed: [] });
    expect(after.body).toMatchObject({ status: 'closed', version: 2 });
    expect(after.body.audit?.at(-1)).toMatchObject({ action: 'closed', actorRole: 'system' });
    expect(await closeChallengesPastDeadline(wiring().challengePorts)).toEqual({ done: 0, failed: [] });
    expect(await mailTo(world.people.commissioner.email, /Expired but not yet closed/)).toHaveLength(1);
  });

  it('lists open challenges newest first or closing soonest, with every filter, one page at a time', async () => {
    const soon = await published({
      title: 'Filter alpha soon',
      questionDeadline: daysFromNow(3),
      bidDeadline: daysFromNow(5),
      type: 'partner_search',
      fundingInstrument: 'horizon_europe',
      disciplines: ['game_design'],
    });
    const late = await published({
      title: 'Filter beta late',
      questionDeadline: daysFromNow(50),
      bidDeadline: daysFromNow(60),
      budgetMinCents: 9_000_000,
      budgetMaxCents: 12_000_000,
    });
    const list = async (query: string) => (await world.api.call<{ items: { id: string }[]; cursor: string | null }>('GET', `/api/challenges?${query}`)).body;
    const ids = async (query: string) => (await list(query)).items.map((item) => item.id);

    expect((await ids('sort=newest&limit=100')).indexOf(late.id)).toBeLessThan((await ids('sort=newest&limit=100')).indexOf(soon.id));
    const closing = await ids('sort=closing&limit=100');
    expect(closing.indexOf(soon.id)).toBeLessThan(closing.indexOf(late.id));
    expect(await ids('type=partner_search&limit=100')).toEqual([soon.id]);
    expect(await ids('funding=horizon_europe&limit=100')).toEqual([soon.id]);
    expect(await ids('discipline=game_design&limit=100')).toEqual([soon.id]);
    expect(await ids('minBudgetCents=8000000&limit=100')).toEqual([late.id]);
    expect(await ids('maxBudgetCents=100000&limit=100')).toEqual([]);
    expect(await ids('sector=government&q=alpha&limit=100')).toEqual([soon.id]);
    expect(await ids('q=ALPHA%20soon&sort=closing')).toEqual([soon.id]);
    const firstPage = await list('limit=1');
    expect(firstPage.items).toHaveLength(1);
    expect((await list(`limit=1&cursor=${firstPage.cursor}`)).items[0]?.id).not.toBe(firstPage.items[0]?.id);
    expect((await world.api.call<Problem>('GET', '/api/challenges?cursor=bm90LWEtY3Vyc29y')).status).toBe(422);
    expect((await world.api.call<Problem>('GET', '/api/challenges?sort=random')).status).toBe(400);
  });

  it('lists only to verified firms and staff a challenge meant for verified firms, and hides it from others', async () => {
    const firmsOnly = await published({ title: 'For verified firms only', visibility: 'verified_firms' });
    const listedTo = async (cookie?: string) =>
      (await world.api.call<{ items: { id: string }[] }>('GET', '/api/challenges?limit=100', { ...(cookie ? { cookie } : {}) })).body.items.map((item) => item.id);

    expect(await listedTo()).not.toContain(firmsOnly.id);
    expect(await listedTo(world.people.firm.cookie)).toContain(firmsOnly.id);
    expect((await view(firmsOnly)).status).toBe(404);
    expect((await view(firmsOnly, world.people.firm.cookie)).status).toBe(200);
  });

  it("queues submitted challenges for staff oldest first, and lists an organisation's own in every state", async () => {
    const first = await draft({ title: 'Queued first' });
    const second = await draft({ title: 'Queued second' });
    await act(first, 'submit', { version: 1 });
    await act(second, 'submit', { version: 1 });

    const queue = (await world.api.call<{ items: { id: string }[] }>('GET', '/api/staff/challenges?limit=100', { cookie: world.people.staff.cookie })).body.items.map(
      (item) => item.id,
    );
    const own = (
      await world.api.call<{ items: { status: string }[] }>('GET', `/api/organisations/${world.people.commissioner.organisationId}/challenges?limit=100`, {
        cookie: asCommissioner(),
      })
    ).body.items;

    expect(queue.indexOf(first.id)).toBeLessThan(queue.indexOf(second.id));
    expect(new Set(own.map((item) => item.status))).toEqual(new Set(['draft', 'submitted', 'published', 'rejected', 'cancelled', 'closed']));
  });
});
