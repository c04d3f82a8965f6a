import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Bid, Debrief, Evaluation } from '#shared/bid.ts';
import { closeChallengesPastDeadline } from '#functions/domain/challenges/close-challenges.ts';
import { wiring } from '#functions/wiring.ts';
import { signedInAs, uniqueEmail } from '../helpers/api.ts';
import { bidContent, passDeadline } from '../helpers/bids.ts';
import { storedChallenge, useMarketplace, verifiedOrganisation, type Problem } from '../helpers/challenges.ts';
import { createInbox } from '../helpers/inbox.ts';
import { firmRegistration } from '../helpers/organisations.ts';
import { storedUsers, storedOutboxEvents } from '../helpers/stored-items.ts';

type Person = { cookie: string; userId: string; email: string };
type Firm = Person & { organisationId: string };

/**
 * PRODUCT.md, "Evaluation": after the deadline the commissioner's evaluators score each sealed bid
 * per criterion without seeing each other's scores until all have scored; then the consensus,
 * spread and ranking show; they shortlist and award one bid (atomically) or none, and each bidder
 * gets a debrief that names no other bidder.
 */
describe('Evaluation and award', { timeout: 180_000 }, () => {
  const world = useMarketplace();
  const inbox = createInbox();
  const cast = {} as { colleague: Person; outsider: Person; partner: Firm; drafter: Firm; withdrawer: Firm; third: Firm };

  /** A member of the commissioning organisation, invited and accepted, with a name evaluators see. */
  async function commissionerMember(name: string): Promise<Person> {
    const { api, people } = world;
    const email = uniqueEmail('evaluator');
    const invited = await api.call('POST', `/api/organisations/${people.commissioner.organisationId}/invitations`, { body: { email }, cookie: people.commissioner.cookie });
    expect(invited.status).toBe(201);
    const person = await signedInAs(email);
    const accepted = await api.call('POST', `/api/me/invitations/${people.commissioner.organisationId}/accept`, { cookie: person.cookie });
    expect(accepted.status).toBe(200);
    await storedUsers().patch({ userId: person.userId }).set({ name }).go();
    return { ...person, email };
  }

  beforeAll(async () => {
    const { api, people } = world;
    await storedUsers().patch({ userId: people.commissioner.userId }).set({ name: 'Carla de Boer' }).go();
    cast.colleague = await commissionerMember('Eva Jansen');
    cast.outsider = await commissionerMember('Otto Bakker');
    const verifiedFirm = (name: string) => verifiedOrganisation(api, firmRegistration({ name }), people.staff.cookie);
    [cast.partner, cast.drafter, cast.withdrawer, cast.third] = await Promise.all([
      verifiedFirm('Partnerstudio'),
      verifiedFirm('Draftwerk'),
      verifiedFirm('Terugtrek'),
      verifiedFirm('Derde Studio'),
    ]);
  });

  const commissioner = () => world.people.commissioner;
  const firm = () => world.people.firm;
  const rival = () => world.people.otherFirm;

  async function startBid(challengeId: string, bidder: Firm, mark: string): Promise<Bid> {
    const started = await world.api.call<Bid>('POST', `/api/challenges/${challengeId}/bids`, { cookie: bidder.cookie, body: bidContent(3, mark) });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    return started.body;
  }

  async function submit(bid: Bid, bidder: Firm): Promise<Bid> {
    const current = await world.api.call<Bid>('GET', `/api/bids/${bid.id}`, { cookie: bidder.cookie });
    const submitted = await world.api.call<Bid>('POST', `/api/bids/${bid.id}/submit`, { cookie: bidder.cookie, body: { version: current.body.version } });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    return submitted.body;
  }

  /** A sealed bid; with a partner, one that has confirmed before the bid was sealed. */
  async function sealedBid(challengeId: string, bidder: Firm, mark: string, partner?: Firm): Promise<Bid> {
    const bid = await startBid(challengeId, bidder, mark);
    if (partner) {
      const invited = await world.api.call('POST', `/api/bids/${bid.id}/partners`, {
        cookie: bidder.cookie,
        body: { version: bid.version, organisationId: partner.organisationId, role: 'Motion design', sharePercent: 30 },
      });
      expect(invited.status).toBe(200);
      expect((await world.api.call('POST', `/api/bids/${bid.id}/partners/${partner.organisationId}/confirm`, { cookie: partner.cookie })).status).toBe(200);
    }
    return submit(bid, bidder);
  }

  /**
   * A published challenge with a unique title and two sealed bids: A by Studio Noord with its
   * confirmed partner, then B by Beeldtaal; `extra` adds more before the deadline passes.
   */
  async function contest(extra: (challengeId: string) => Promise<unknown> = async () => undefined, options: { passDeadline?: boolean } = {}) {
    const title = `Flood warnings ${ulid().slice(-8)}`;
    const challenge = await storedChallenge(commissioner().organisationId, 'published', { title });
    const a = await sealedBid(challenge.challengeId, firm(), `approach-a-${title}`, cast.partner);
    const b = await sealedBid(challenge.challengeId, rival(), `approach-b-${title}`);
    await extra(challenge.challengeId);
    if (options.passDeadline !== false) await passDeadline(challenge.challengeId);
    // What bidding mailed is delivered now, so a test counts only the mail its own step sends.
    await world.deliver();
    return { id: challenge.challengeId, title, a, b };
  }

  const evaluation = (challengeId: string, cookie = commissioner().cookie) => world.api.call<Evaluation & Problem>('GET', `/api/challenges/${challengeId}/evaluation`, { cookie });
  const version = async (challengeId: string) => (await evaluation(challengeId)).body.challengeVersion;

  const setPanel = async (challengeId: string, evaluatorIds: string[], at?: number) =>
    world.api.call<Evaluation & Problem>('PUT', `/api/challenges/${challengeId}/evaluation/panel`, {
      cookie: commissioner().cookie,
      body: { version: at ?? (await version(challengeId)), evaluatorIds },
    });

  const score = (challengeId: string, bidId: string, who: { cookie: string }, values: number[]) =>
    world.api.call<Evaluation & Problem>('PUT', `/api/challenges/${challengeId}/bids/${bidId}/scores`, {
      cookie: who.cookie,
      body: { scores: values.map((value, index) => ({ score: value, comment: `Criterion ${index + 1} earns ${value}` })) },
    });

  /** The panel is the commissioner's owner and Eva; with `everyone` both score both bids, so the scores are revealed. */
  async function evaluated(race: Awaited<ReturnType<typeof contest>>, { everyone = true } = {}) {
    expect((await setPanel(race.id, [commissioner().userId, cast.colleague.userId])).status).toBe(200);
    const sheets: [Person, string, number[]][] = [
      [commissioner(), race.a.id, [5, 9, 4]],
      [commissioner(), race.b.id, [8, 6, 7]],
      [cast.colleague, race.a.id, [6, 8, 5]],
      [cast.colleague, race.b.id, [7, 7, 8]],
    ];
    for (const [who, bidId, values] of everyone ? sheets : sheets.slice(0, 3)) expect((await score(race.id, bidId, who, values)).status).toBe(200);
  }

  const award = async (challengeId: string, bidId: string, at?: number) =>
    world.api.call<Evaluation & Problem>('POST', `/api/challenges/${challengeId}/award`, {
      cookie: commissioner().cookie,
      body: { version: at ?? (await version(challengeId)), bidId, feedback: 'The winning bid started from the residents themselves.' },
    });

  const bidsOf = (challengeId: string) => world.api.call<{ items: Bid[] } & Problem>('GET', `/api/challenges/${challengeId}/bids`, { cookie: commissioner().cookie });

  /** How many emails this address has received whose text contains all of these. */
  const mailWith = async (address: string, ...texts: string[]) => (await inbox.to(address)).filter((email) => texts.every((text) => email.body.text?.includes(text))).length;

  /** The emails a challenge's changes owed, as written to the outbox: which type went to whom, by type. */
  async function owed(challengeId: string) {
    const outboxEvents = storedOutboxEvents();
    const lists = await Promise.all((['pending', 'delivered', 'failed'] as const).map((status) => outboxEvents.query.byStatus({ status }).go({ pages: 'all' })));
    return lists
      .flatMap(({ data }) => data)
      .filter((event) => (event.data as { challengeId?: string }).challengeId === challengeId)
      .map((event) => ({ type: event.type, to: event.recipients.map(({ email }) => email).sort(), data: event.data as Record<string, unknown> }))
      .sort((x, y) => x.type.localeCompare(y.type));
  }

  it('keeps the bids sealed (409) before the deadline, then opens only the submitted ones: never a draft or a withdrawn bid', async () => {
    const extra = {} as { draft: Bid; withdrawn: Bid };
    const race = await contest(
      async (challengeId) => {
        extra.draft = await startBid(challengeId, cast.drafter, 'still a draft');
        const sealed = await sealedBid(challengeId, cast.withdrawer, 'taken back');
        const withdrawn = await world.api.call<Bid>('POST', `/api/bids/${sealed.id}/withdraw`, { cookie: cast.withdrawer.cookie, body: { version: sealed.version } });
        expect(withdrawn.status).toBe(200);
        extra.withdrawn = withdrawn.body;
      },
      { passDeadline: false },
    );

    const before = await bidsOf(race.id);
    await passDeadline(race.id);
    const after = await bidsOf(race.id);

    expect(before.status).toBe(409);
    expect(before.body.detail).toMatch(/sealed until the deadline/);
    expect(after.status).toBe(200);
    expect(after.body.items.map((bid) => bid.id)).toEqual([race.a.id, race.b.id]);
    expect(after.body.items.map((bid) => bid.status)).toEqual(['submitted', 'submitted']);
    expect(JSON.stringify(after.body)).toContain(`approach-a-${race.title}`);
    expect(JSON.stringify(after.body)).not.toContain(extra.draft.id);
    expect(JSON.stringify(after.body)).not.toContain(extra.withdrawn.id);
  });

  it('shows the panel before the deadline but no bids, and lets no one score a sealed bid (409)', async () => {
    const race = await contest(async () => undefined, { passDeadline: false });

    const view = await evaluation(race.id);
    const early = await score(race.id, race.a.id, commissioner(), [5, 5, 5]);

    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ challengeStatus: 'published', bids: [], revealed: false, can: { score: false, setPanel: true, award: false } });
    expect(view.body.panel.map((evaluator) => evaluator.name).sort()).toEqual(['Carla de Boer', 'Eva Jansen', 'Otto Bakker']);
    expect(early.status).toBe(409);
    expect(JSON.stringify(view.body)).not.toContain(race.a.id);
  });

  it('shows each evaluator only their own scores and everyone’s progress until all have scored every bid', async () => {
    const race = await contest();
    await evaluated(race, { everyone: false });

    const mine = (await evaluation(race.id)).body;
    const eva = (await evaluation(race.id, cast.colleague.cookie)).body;

    expect(mine.revealed).toBe(false);
    expect(mine.bids.map((bid) => bid.yourScores?.map(({ score: value }) => value))).toEqual([
      [5, 9, 4],
      [8, 6, 7],
    ]);
    expect(eva.bids.map((bid) => bid.yourScores?.map(({ score: value }) => value))).toEqual([[6, 8, 5], undefined]);
    for (const view of [mine, eva]) {
      expect(view.panel.map(({ name, scoredBids, done }) => ({ name, scoredBids, done }))).toEqual([
        { name: 'Carla de Boer', scoredBids: 2, done: true },
        { name: 'Eva Jansen', scoredBids: 1, done: false },
      ]);
      for (const bid of view.bids) expect(bid).not.toHaveProperty('criteria');
      for (const bid of view.bids) expect(bid).not.toHaveProperty('weightedTotal');
    }
    expect(JSON.stringify(eva)).not.toContain('Criterion 2 earns 9');
    expect(mine.can).toMatchObject({ score: true, award: false, declareNoAward: true, shortlist: true });
  });

  it('reveals the consensus, spread, each evaluator’s score, the weighted totals and the ranking once all have scored', async () => {
    const race = await contest();
    await evaluated(race);

    const view = (await evaluation(race.id, cast.colleague.cookie)).body;

    expect(view.revealed).toBe(true);
    // B: (8+7)/2, (6+7)/2, (7+8)/2 = 7.5, 6.5, 7.5 → 7.5×4 + 6.5×3.5 + 7.5×2.5 = 71.5
    // A: (5+6)/2, (9+8)/2, (4+5)/2 = 5.5, 8.5, 4.5 → 5.5×4 + 8.5×3.5 + 4.5×2.5 = 63
    expect(view.bids.map(({ bidId, weightedTotal, rank }) => ({ bidId, weightedTotal, rank }))).toEqual([
      { bidId: race.b.id, weightedTotal: 71.5, rank: 1 },
      { bidId: race.a.id, weightedTotal: 63, rank: 2 },
    ]);
    expect(view.bids[1]!.criteria!.map(({ consensus, spread }) => ({ consensus, spread }))).toEqual([
      { consensus: 5.5, spread: { lowest: 5, highest: 6 } },
      { consensus: 8.5, spread: { lowest: 8, highest: 9 } },
      { consensus: 4.5, spread: { lowest: 4, highest: 5 } },
    ]);
    expect(view.bids[1]!.criteria![1]!.scores).toEqual([
      { evaluatorName: 'Carla de Boer', score: 9, comment: 'Criterion 2 earns 9' },
      { evaluatorName: 'Eva Jansen', score: 8, comment: 'Criterion 2 earns 8' },
    ]);
    expect(view.bids.map((bid) => bid.leadName)).toEqual(['Beeldtaal', 'Studio Noord']);
    expect(view.can).toMatchObject({ award: true, setPanel: false });
  });

  it('refuses scores from a member of the organisation who is not on the panel (409)', async () => {
    const race = await contest();
    await setPanel(race.id, [commissioner().userId, cast.colleague.userId]);

    const refused = await score(race.id, race.a.id, cast.outsider, [5, 5, 5]);

    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/not on the evaluation panel/);
    expect((await evaluation(race.id, cast.outsider.cookie)).body.can.score).toBe(false);
  });

  it('refuses a score sheet without exactly one score per criterion (422 naming scores), and a bid that was never sealed (404)', async () => {
    const drafts = {} as { draft: Bid };
    const race = await contest(async (challengeId) => {
      drafts.draft = await startBid(challengeId, cast.drafter, 'never sealed');
    });

    const tooFew = await score(race.id, race.a.id, commissioner(), [5, 5]);
    const tooMany = await score(race.id, race.a.id, commissioner(), [5, 5, 5, 5]);
    const draft = await score(race.id, drafts.draft.id, commissioner(), [5, 5, 5]);

    for (const answer of [tooFew, tooMany]) {
      expect(answer.status).toBe(422);
      expect(answer.body.errors?.map(({ field }) => field)).toEqual(['body.scores']);
    }
    expect(draft.status).toBe(404);
    expect((await evaluation(race.id)).body.bids[0]!.yourScores).toBeUndefined();
  });

  it('lets the panel change only to members of the organisation (422) and only until the scores are revealed (409)', async () => {
    const race = await contest();

    const stranger = await setPanel(race.id, [commissioner().userId, firm().userId]);
    const chosen = await setPanel(race.id, [cast.colleague.userId]);
    const stale = await setPanel(race.id, [commissioner().userId], chosen.body.challengeVersion - 1);
    await score(race.id, race.a.id, cast.colleague, [6, 6, 6]);
    await score(race.id, race.b.id, cast.colleague, [7, 7, 7]);
    const afterReveal = await setPanel(race.id, [commissioner().userId, cast.colleague.userId]);

    expect(stranger.status).toBe(422);
    expect(stranger.body.errors?.[0]?.field).toBe('body.evaluatorIds');
    expect(chosen.status).toBe(200);
    expect(chosen.body.panel.map(({ name }) => name)).toEqual(['Eva Jansen']);
    expect(stale.status).toBe(409);
    expect(afterReveal.status).toBe(409);
    expect(afterReveal.body.detail).toMatch(/revealed/);
    expect((await evaluation(race.id)).body).toMatchObject({ revealed: true, panel: [{ name: 'Eva Jansen', done: true }] });
  });

  it('shortlists a submitted bid once (409 again) and emails its lead firm and confirmed partner', async () => {
    const race = await contest();

    const before = await Promise.all([firm().email, cast.partner.email].map((address) => mailWith(address, race.title)));
    const listed = await world.api.call<Evaluation>('POST', `/api/challenges/${race.id}/bids/${race.a.id}/shortlist`, { cookie: commissioner().cookie });
    const again = await world.api.call<Problem>('POST', `/api/challenges/${race.id}/bids/${race.a.id}/shortlist`, { cookie: commissioner().cookie });
    await world.deliver();

    expect(listed.status).toBe(200);
    expect(listed.body.bids.find((bid) => bid.bidId === race.a.id)?.status).toBe('shortlisted');
    expect(again.status).toBe(409);
    const shortlisted = (await owed(race.id)).filter(({ type }) => type === 'bid.shortlisted');
    expect(shortlisted).toEqual([
      { type: 'bid.shortlisted', to: [firm().email, cast.partner.email].sort(), data: expect.objectContaining({ bidId: race.a.id, pitchFeeCents: 150_000 }) },
    ]);
    const after = await Promise.all([firm().email, cast.partner.email].map((address) => mailWith(address, race.title)));
    expect(after).toEqual(before.map((count) => count + 1));
  });

  it('refuses to award before every evaluator has scored every bid (409), changing nothing', async () => {
    const race = await contest();
    await evaluated(race, { everyone: false });

    const early = await award(race.id, race.a.id);

    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/Every evaluator must score every bid first/);
    expect((await bidsOf(race.id)).body.items.map((bid) => bid.status)).toEqual(['submitted', 'submitted']);
  });

  it('refuses to award a draft or a withdrawn bid (409 naming bidId)', async () => {
    const extra = {} as { draft: Bid; withdrawn: Bid };
    const race = await contest(async (challengeId) => {
      extra.draft = await startBid(challengeId, cast.drafter, 'a draft');
      const sealed = await sealedBid(challengeId, cast.withdrawer, 'withdrawn');
      extra.withdrawn = (await world.api.call<Bid>('POST', `/api/bids/${sealed.id}/withdraw`, { cookie: cast.withdrawer.cookie, body: { version: sealed.version } })).body;
    });
    await evaluated(race);

    for (const bidId of [extra.draft.id, extra.withdrawn.id]) {
      const refused = await award(race.id, bidId);
      expect(refused.status).toBe(409);
      expect(refused.body.errors?.[0]?.field).toBe('body.bidId');
    }
    expect((await evaluation(race.id)).body.challengeStatus).toBe('closed');
  });

  it('awards exactly once when two awards of different bids race: one 200 and one 409, one bid awarded and every other not selected', async () => {
    const race = await contest(async (challengeId) => sealedBid(challengeId, cast.third, 'a third bid'));
    expect((await setPanel(race.id, [cast.colleague.userId])).status).toBe(200);
    const bids = (await evaluation(race.id)).body.bids;
    for (const bid of bids) expect((await score(race.id, bid.bidId, cast.colleague, [7, 7, 7])).status).toBe(200);
    const at = await version(race.id);

    const answers = await Promise.all([award(race.id, race.a.id, at), award(race.id, race.b.id, at)]);

    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const winner = answers.find((answer) => answer.status === 200)!.body.awardedBidId;
    const statuses = (await bidsOf(race.id)).body.items.map((bid) => ({ id: bid.id, status: bid.status }));
    expect(statuses).toHaveLength(3);
    expect(statuses.filter(({ status }) => status === 'awarded')).toEqual([{ id: winner, status: 'awarded' }]);
    expect(statuses.filter(({ status }) => status === 'not_selected')).toHaveLength(2);
    const view = (await evaluation(race.id)).body;
    expect(view).toMatchObject({ challengeStatus: 'awarded', awardedBidId: winner, outcomeNote: 'The winning bid started from the residents themselves.' });
    expect((await owed(race.id)).filter(({ type }) => type === 'bid.awarded')).toHaveLength(1);
  });

  it('awards a bid of a challenge the close job has not closed yet, closing it in the same step; a second award and a no award then get 409', async () => {
    const race = await contest();
    await evaluated(race);
    const before = (await wiring().challengePorts.challenges.challenge(race.id))!;

    const won = await award(race.id, race.b.id);
    const twice = await award(race.id, race.a.id);
    const none = await world.api.call<Problem>('POST', `/api/challenges/${race.id}/no-award`, {
      cookie: commissioner().cookie,
      body: { version: won.body.challengeVersion, reason: 'We changed our minds after all.' },
    });

    expect(before.status).toBe('published');
    expect(won.status).toBe(200);
    expect(won.body).toMatchObject({ challengeStatus: 'awarded', awardedBidId: race.b.id, can: { award: false, declareNoAward: false, score: false, shortlist: false } });
    const after = (await wiring().challengePorts.challenges.challenge(race.id))!;
    expect(after).toMatchObject({ status: 'awarded', awardedBidId: race.b.id, statusNote: 'The winning bid started from the residents themselves.' });
    expect(after.closedAt).toBeDefined();
    expect(after.decidedAt).toBeDefined();
    expect(after.listing).toBeUndefined();
    expect(twice.status).toBe(409);
    expect(none.status).toBe(409);
    expect((await score(race.id, race.a.id, commissioner(), [1, 1, 1])).status).toBe(409);
    const trail = await wiring().challengePorts.challenges.audit(race.id);
    expect(trail.at(-1)).toMatchObject({ action: 'awarded', actorRole: 'commissioner', actorUserId: commissioner().userId });
  });

  it('emails the award to the winning firm and the feedback to every other bidder and its partner', async () => {
    const race = await contest();
    await evaluated(race);
    const winnerMailBefore = await mailWith(rival().email, race.title);

    expect((await award(race.id, race.b.id)).status).toBe(200);
    await world.deliver();

    const emails = (await owed(race.id)).filter(({ type }) => type === 'bid.awarded' || type === 'bid.not_selected');
    expect(emails).toEqual([
      { type: 'bid.awarded', to: [rival().email], data: expect.objectContaining({ bidId: race.b.id, challengeTitle: race.title }) },
      {
        type: 'bid.not_selected',
        to: [firm().email, cast.partner.email].sort(),
        data: expect.objectContaining({ feedback: 'The winning bid started from the residents themselves.' }),
      },
    ]);
    const feedback = 'The winning bid started from the residents themselves.';
    expect(await Promise.all([firm().email, cast.partner.email, rival().email].map((address) => mailWith(address, race.title, feedback)))).toEqual([1, 1, 0]);
    expect(await mailWith(rival().email, race.title)).toBe(winnerMailBefore + 1);
  });

  it('declares no award without a complete evaluation: every bid not selected and every bidder emailed the reason', async () => {
    const race = await contest();

    const none = await world.api.call<Evaluation>('POST', `/api/challenges/${race.id}/no-award`, {
      cookie: commissioner().cookie,
      body: { version: await version(race.id), reason: 'None of the bids fits the budget we have left.' },
    });
    await world.deliver();

    expect(none.status).toBe(200);
    expect(none.body).toMatchObject({ challengeStatus: 'no_award', outcomeNote: 'None of the bids fits the budget we have left.' });
    const bids = (await bidsOf(race.id)).body.items;
    expect(bids.map((bid) => bid.status)).toEqual(['not_selected', 'not_selected']);
    expect(bids.map((bid) => bid.feedback)).toEqual(['None of the bids fits the budget we have left.', 'None of the bids fits the budget we have left.']);
    const told = (await owed(race.id)).filter(({ type }) => type === 'challenge.no_award');
    expect(told).toEqual([
      {
        type: 'challenge.no_award',
        to: [firm().email, rival().email, cast.partner.email].sort(),
        data: expect.objectContaining({ reason: 'None of the bids fits the budget we have left.' }),
      },
    ]);
    expect(
      await Promise.all([firm().email, rival().email, cast.partner.email].map((address) => mailWith(address, race.title, 'None of the bids fits the budget we have left.'))),
    ).toEqual([1, 1, 1]);
  });

  it('gives each bidder a debrief of its own consensus beside the lowest, median and highest of all bids, naming no other bidder', async () => {
    const race = await contest();
    await evaluated(race);
    expect((await award(race.id, race.b.id)).status).toBe(200);

    const lead = await world.api.call<Debrief>('GET', `/api/bids/${race.a.id}/debrief`, { cookie: firm().cookie });
    const partner = await world.api.call<Debrief>('GET', `/api/bids/${race.a.id}/debrief`, { cookie: cast.partner.cookie });
    const winner = await world.api.call<Debrief>('GET', `/api/bids/${race.b.id}/debrief`, { cookie: rival().cookie });

    expect(lead.status).toBe(200);
    expect(partner.body).toEqual(lead.body);
    expect(lead.body).toEqual({
      bidId: race.a.id,
      challengeTitle: race.title,
      outcome: 'not_selected',
      feedback: 'The winning bid started from the residents themselves.',
      criteria: [
        { name: 'Understanding of residents', weight: 40, yours: 5.5, lowest: 5.5, median: 6.5, highest: 7.5 },
        { name: 'Quality of past work', weight: 35, yours: 8.5, lowest: 6.5, median: 7.5, highest: 8.5 },
        { name: 'Price', weight: 25, yours: 4.5, lowest: 4.5, median: 6, highest: 7.5 },
      ],
      total: { yours: 63, lowest: 63, median: 67.3, highest: 71.5 },
      bidCount: 2,
    });
    expect(winner.body).toMatchObject({ outcome: 'awarded', total: { yours: 71.5 } });
    for (const [debrief, others] of [
      [lead.body, [race.b.id, 'Beeldtaal', rival().organisationId]],
      [winner.body, [race.a.id, 'Studio Noord', firm().organisationId, 'Partnerstudio', cast.partner.organisationId]],
    ] as const) {
      for (const value of others) expect(JSON.stringify(debrief)).not.toContain(value);
    }
  });

  it('hides the debrief (404) before the award, from other firms and from the commissioner', async () => {
    const race = await contest();
    await evaluated(race);
    const debrief = (cookie: string) => world.api.call('GET', `/api/bids/${race.a.id}/debrief`, { cookie });

    const beforeAward = await debrief(firm().cookie);
    expect((await award(race.id, race.b.id)).status).toBe(200);

    expect(beforeAward.status).toBe(404);
    expect((await debrief(firm().cookie)).status).toBe(200);
    for (const cookie of [rival().cookie, cast.third.cookie, commissioner().cookie, world.people.staff.cookie]) expect((await debrief(cookie)).status).toBe(404);
  });

  it('tells the commissioner how many bids arrived when the close job closes the challenge, and the award works from closed too', async () => {
    const race = await contest(async (challengeId) => startBid(challengeId, cast.drafter, 'a draft does not count'));

    await closeChallengesPastDeadline(wiring().challengePorts);
    await evaluated(race);
    const won = await award(race.id, race.a.id);

    const closed = (await owed(race.id)).filter(({ type }) => type === 'challenge.closed');
    expect(closed).toEqual([
      { type: 'challenge.closed', to: [commissioner().email, cast.colleague.email, cast.outsider.email].sort(), data: expect.objectContaining({ bidCount: 2 }) },
    ]);
    expect(won.status).toBe(200);
    expect(won.body.bids.map(({ bidId, status }) => ({ bidId, status }))).toEqual([
      { bidId: race.b.id, status: 'not_selected' },
      { bidId: race.a.id, status: 'awarded' },
    ]);
  });
});
