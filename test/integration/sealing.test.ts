import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RouteDefinition } from '#functions/http/route.ts';
import { routes } from '#functions/http/routes.ts';
import type { Bid } from '#shared/bid.ts';
import { wiring } from '#functions/wiring.ts';
import { bidContent, passDeadline } from '../helpers/bids.ts';
import { storedChallenge, useMarketplace, verifiedOrganisation } from '../helpers/challenges.ts';
import { createInbox } from '../helpers/inbox.ts';
import { firmRegistration } from '../helpers/organisations.ts';

/**
 * PRODUCT.md, "Sealed bids": before the deadline the commissioner sees only how many bids exist,
 * never their content or who bid, and competing firms never see each other's bids at all. These
 * tests call every route of the route table as every role and look for what must stay sealed in
 * every answer, every log line and every email.
 */
describe('Sealed bids', { timeout: 180_000 }, () => {
  const world = useMarketplace();
  const inbox = createInbox();
  const secret = `seal-${ulid().toLowerCase()}`;
  const rivalSecret = `rival-${ulid().toLowerCase()}`;
  const sealed = {} as {
    challengeId: string;
    bid: Bid;
    rivalBid: Bid;
    partner: Awaited<ReturnType<typeof verifiedOrganisation>>;
    partnerName: string;
    draftBidId: string;
  };

  const firmName = 'Studio Noord';
  const rivalName = 'Beeldtaal';

  beforeAll(async () => {
    const { api, people } = world;
    const { commissioner, firm, otherFirm, staff } = people;
    sealed.partnerName = `Partnerstudio ${ulid().slice(-6)}`;
    sealed.partner = await verifiedOrganisation(api, firmRegistration({ name: sealed.partnerName }), staff.cookie);
    const challenge = await storedChallenge(commissioner.organisationId, 'published');
    sealed.challengeId = challenge.challengeId;
    const criteria = challenge.criteria.length;

    const started = await api.call<Bid>('POST', `/api/challenges/${challenge.challengeId}/bids`, { cookie: firm.cookie, body: bidContent(criteria, secret) });
    expect(started.status).toBe(201);
    const invited = await api.call<Bid>('POST', `/api/bids/${started.body.id}/partners`, {
      cookie: firm.cookie,
      body: { version: started.body.version, organisationId: sealed.partner.organisationId, role: 'Motion design', sharePercent: 30 },
    });
    expect(invited.status).toBe(200);
    const confirmed = await api.call('POST', `/api/bids/${started.body.id}/partners/${sealed.partner.organisationId}/confirm`, { cookie: sealed.partner.cookie });
    expect(confirmed.status).toBe(200);
    const current = await api.call<Bid>('GET', `/api/bids/${started.body.id}`, { cookie: firm.cookie });
    const submitted = await api.call<Bid>('POST', `/api/bids/${started.body.id}/submit`, { cookie: firm.cookie, body: { version: current.body.version } });
    expect(submitted.status).toBe(200);
    sealed.bid = submitted.body;

    const rival = await api.call<Bid>('POST', `/api/challenges/${challenge.challengeId}/bids`, { cookie: otherFirm.cookie, body: bidContent(criteria, rivalSecret) });
    const rivalSubmitted = await api.call<Bid>('POST', `/api/bids/${rival.body.id}/submit`, { cookie: otherFirm.cookie, body: { version: rival.body.version } });
    expect(rivalSubmitted.status).toBe(200);
    sealed.rivalBid = rivalSubmitted.body;
    const drafter = await verifiedOrganisation(api, firmRegistration({ name: 'Draftwerk' }), staff.cookie);
    const draft = await api.call<Bid>('POST', `/api/challenges/${challenge.challengeId}/bids`, { cookie: drafter.cookie, body: bidContent(criteria, 'never sealed') });
    expect(draft.status).toBe(201);
    sealed.draftBidId = draft.body.id;
    await world.deliver();
  });

  /** Who calls, with the organisation their own lists are about and what must stay hidden from them. */
  function viewpoints() {
    const { commissioner, otherFirm, staff } = world.people;
    const leadFirm = { id: sealed.bid.leadOrganisationId, name: firmName };
    const everything = [secret, rivalSecret, sealed.bid.id, sealed.rivalBid.id, leadFirm.id, leadFirm.name, rivalName, sealed.partnerName, sealed.partner.organisationId];
    return [
      { who: 'a visitor', cookie: undefined, organisationId: commissioner.organisationId, hidden: everything },
      { who: 'the commissioner', cookie: commissioner.cookie, organisationId: commissioner.organisationId, hidden: everything },
      { who: 'staff', cookie: staff.cookie, organisationId: commissioner.organisationId, hidden: everything },
      {
        who: 'a competing firm',
        cookie: otherFirm.cookie,
        organisationId: otherFirm.organisationId,
        hidden: [secret, sealed.bid.id, leadFirm.id, leadFirm.name, sealed.partnerName, sealed.partner.organisationId],
      },
    ];
  }

  /** A firm's or organisation's name is public in the directory; tying it to this challenge is what is sealed. */
  const aboutTheChallenge = (route: RouteDefinition) => /\{(challengeId|bidId)\}/.test(route.path) || ['challenges', 'bids', 'evaluation'].includes(route.group);

  const fill = (path: string, parameters: Record<string, string>) => path.replace(/\{(\w+)\}/g, (_, name: string) => parameters[name] ?? ulid());

  /** Records what is written to stdout and stderr (where warnings and errors go) while `act` runs. */
  async function logsOf(act: () => Promise<void>): Promise<string> {
    const logged: string[] = [];
    const streams = [process.stdout, process.stderr];
    const writes = streams.map((stream) => stream.write.bind(stream));
    streams.forEach((stream, index) => {
      stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        logged.push(String(chunk));
        return (writes[index] as (...args: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof stream.write;
    });
    try {
      await act();
    } finally {
      streams.forEach((stream, index) => (stream.write = writes[index]!));
    }
    return logged.join('');
  }

  it('records what is logged to stderr as well as stdout', async () => {
    const logged = await logsOf(async () => {
      process.stderr.write(`warning about ${secret}\n`);
    });
    expect(logged).toContain(secret);
  });

  it('no route answers anyone but the bidding firms with a bid, its content or who made it, before the deadline', async () => {
    const logged = await logsOf(async () => {
      for (const viewpoint of viewpoints()) {
        const parameters = { challengeId: sealed.challengeId, bidId: sealed.bid.id, organisationId: viewpoint.organisationId, firmId: sealed.bid.leadOrganisationId };
        // Signing out and erasing oneself end the caller's own session, which the walk goes on using; they answer nothing about bids.
        for (const route of (routes as readonly RouteDefinition[]).filter(({ operationId }) => !['signOut', 'eraseMe'].includes(operationId))) {
          // Writes too, with an empty body: a refusal or a validation error must not echo anything sealed either.
          const answer = await world.api.call(route.method, fill(route.path, parameters), { cookie: viewpoint.cookie, ...(route.request?.body ? { body: {} } : {}) });
          // A problem's `instance` repeats the caller's own request path: it tells them nothing new.
          const { instance: _ownPath, ...body } = (typeof answer.body === 'object' && answer.body !== null ? answer.body : { text: answer.body }) as Record<string, unknown>;
          const text = JSON.stringify(body);
          const hidden = aboutTheChallenge(route) ? viewpoint.hidden : [secret, rivalSecret];
          for (const value of hidden) expect(text, `${viewpoint.who}: ${route.method} ${route.path} (${answer.status})`).not.toContain(value);
        }
      }
    });
    expect(logged).not.toContain(secret);
    expect(logged).not.toContain(rivalSecret);
  });

  it('shows the bidding firm and its confirmed partner their own bid with its content, on the bid, the challenge and their dashboards', async () => {
    const { firm } = world.people;
    for (const { cookie, organisationId, role } of [
      { cookie: firm.cookie, organisationId: firm.organisationId, role: 'lead' },
      { cookie: sealed.partner.cookie, organisationId: sealed.partner.organisationId, role: 'partner' },
    ]) {
      const bid = await world.api.call<Bid>('GET', `/api/bids/${sealed.bid.id}`, { cookie });
      const challenge = await world.api.call<{ yourBid?: unknown }>('GET', `/api/challenges/${sealed.challengeId}`, { cookie });
      const dashboard = await world.api.call<{ items: { id: string }[] }>('GET', `/api/organisations/${organisationId}/bids`, { cookie });
      expect(bid.status, role).toBe(200);
      expect(bid.body, role).toMatchObject({ yourRole: role, leadName: firmName, approach: expect.stringContaining(secret), receipt: { digest: sealed.bid.receipt?.digest } });
      expect(
        bid.body.partners.map((partner) => partner.name),
        role,
      ).toEqual([sealed.partnerName]);
      expect(challenge.body.yourBid, role).toEqual({ id: sealed.bid.id, status: 'submitted', role });
      expect(
        dashboard.body.items.map((item) => item.id),
        role,
      ).toContain(sealed.bid.id);
    }
  });

  it('shows the commissioner and staff how many bids are sealed, and nothing else about them', async () => {
    const { commissioner, staff } = world.people;
    for (const cookie of [commissioner.cookie, staff.cookie]) {
      const challenge = await world.api.call<{ bidCount?: number; yourBid?: unknown }>('GET', `/api/challenges/${sealed.challengeId}`, { cookie });
      expect(challenge.body.bidCount).toBe(2);
      expect(challenge.body.yourBid).toBeUndefined();
    }
    const bids = await world.api.call('GET', `/api/challenges/${sealed.challengeId}/bids`, { cookie: commissioner.cookie });
    expect(bids.status).toBe(409);
  });

  it('sends no email before the deadline that tells the commissioner, staff or a rival what was bid or who bid', async () => {
    await world.deliver();
    const { commissioner, otherFirm } = world.people;
    // The commissioner and the rival have addresses of their own; staff share theirs with every test file
    // running at once, so of staff's mail only what is about this challenge is this test's to judge.
    const mailOf = async (address: string, aboutThisChallenge: boolean) =>
      JSON.stringify((await inbox.to(address)).filter((email) => !aboutThisChallenge || JSON.stringify(email).includes(sealed.challengeId)));
    const onlookers = [
      { address: commissioner.email, mail: await mailOf(commissioner.email, false) },
      { address: otherFirm.email, mail: await mailOf(otherFirm.email, false) },
      ...(await Promise.all(wiring().config.STAFF_EMAILS.map(async (address) => ({ address, mail: await mailOf(address, true) })))),
    ];
    for (const { address, mail } of onlookers) {
      for (const value of [secret, sealed.bid.id, firmName, sealed.partnerName]) expect(mail, address).not.toContain(value);
    }
  });

  it('lets each bidding firm and its partner read their own bid, and a competing firm neither', async () => {
    const { firm, otherFirm } = world.people;
    expect((await world.api.call('GET', `/api/bids/${sealed.bid.id}`, { cookie: firm.cookie })).status).toBe(200);
    expect((await world.api.call('GET', `/api/bids/${sealed.bid.id}`, { cookie: sealed.partner.cookie })).status).toBe(200);
    expect((await world.api.call('GET', `/api/bids/${sealed.bid.id}`, { cookie: otherFirm.cookie })).status).toBe(404);
    expect((await world.api.call('GET', `/api/bids/${sealed.rivalBid.id}`, { cookie: firm.cookie })).status).toBe(404);
  });

  it('opens only the sealed bids to the commissioner once the deadline passes (never a draft), and still none to staff or a competing firm', async () => {
    const { commissioner, otherFirm, staff } = world.people;
    await passDeadline(sealed.challengeId);
    const bids = await world.api.call<{ items: Bid[] }>('GET', `/api/challenges/${sealed.challengeId}/bids`, { cookie: commissioner.cookie });
    expect(bids.status).toBe(200);
    expect(bids.body.items.map((bid) => bid.id).sort()).toEqual([sealed.bid.id, sealed.rivalBid.id].sort());
    expect(JSON.stringify(bids.body)).toContain(secret);
    expect((await world.api.call('GET', `/api/bids/${sealed.bid.id}`, { cookie: commissioner.cookie })).status).toBe(200);
    expect((await world.api.call('GET', `/api/bids/${sealed.draftBidId}`, { cookie: commissioner.cookie })).status).toBe(404);
    expect((await world.api.call('GET', `/api/bids/${sealed.bid.id}`, { cookie: staff.cookie })).status).toBe(404);
    expect((await world.api.call('GET', `/api/bids/${sealed.bid.id}`, { cookie: otherFirm.cookie })).status).toBe(404);
  });
});
