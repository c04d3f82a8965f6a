import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Bid } from '#shared/bid.ts';
import { secondsUntilTomorrow } from '#functions/domain/daily-allowance.ts';
import { wiring } from '#functions/wiring.ts';
import { bidContent } from '../helpers/bids.ts';
import { storedChallenge, useMarketplace, verifiedOrganisation, type Problem } from '../helpers/challenges.ts';
import { createInbox } from '../helpers/inbox.ts';
import { firmRegistration } from '../helpers/organisations.ts';

type BidAnswer = Bid & Omit<Problem, 'status'>;

/**
 * Issue 10, item 2's siblings: every route that makes Crossover email someone on a firm's request,
 * and that the firm could repeat, has a daily allowance per bid, counted in the same transaction as
 * the email (429 with Retry-After once used up), so nobody's inbox can be flooded through Crossover.
 */
describe('Email a firm can cause about its bid: capped per bid per day', { timeout: 120_000 }, () => {
  const world = useMarketplace();
  const inbox = createInbox();
  let partner: Awaited<ReturnType<typeof verifiedOrganisation>>;

  beforeAll(async () => {
    partner = await verifiedOrganisation(world.api, firmRegistration({ name: 'Klankwerk' }), world.people.staff.cookie);
  });

  async function draftBid() {
    const title = `Limits ${ulid().slice(-8)}`;
    const challenge = await storedChallenge(world.people.commissioner.organisationId, 'published', { title });
    const started = await world.api.call<BidAnswer>('POST', `/api/challenges/${challenge.challengeId}/bids`, {
      cookie: world.people.firm.cookie,
      body: bidContent(challenge.criteria.length),
    });
    expect(started.status).toBe(201);
    return { bid: started.body, title };
  }

  it('sends at most 10 partner invitations per bid per day: inviting, removing and inviting again, the 11th invitation gets 429 with Retry-After and sends nothing', async () => {
    const cap = wiring().config.PARTNER_INVITATIONS_PER_BID_PER_DAY;
    const drafted = await draftBid();
    let bid = drafted.bid;
    const invite = (current: Bid) =>
      world.api.call<BidAnswer>('POST', `/api/bids/${current.id}/partners`, {
        cookie: world.people.firm.cookie,
        body: { version: current.version, organisationId: partner.organisationId, role: 'Sound design', sharePercent: 20 },
      });

    for (let round = 0; round < cap; round++) {
      const invited = await invite(bid);
      expect(invited.status, JSON.stringify(invited.body)).toBe(200);
      const removed = await world.api.call<BidAnswer>('DELETE', `/api/bids/${bid.id}/partners/${partner.organisationId}`, { cookie: world.people.firm.cookie });
      expect(removed.status).toBe(200);
      bid = removed.body;
    }
    const over = await invite(bid);
    await world.deliver();
    await world.deliver();

    expect(cap).toBe(10);
    expect(over.status).toBe(429);
    expect(over.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(over.body.detail).toMatch(/10 partner invitations today/);
    expect(Math.abs(Number(over.headers.get('retry-after')) - secondsUntilTomorrow(new Date()))).toBeLessThan(60);
    const invitations = (await inbox.to(partner.email)).filter((email) => email.subject.includes(drafted.title));
    expect(invitations).toHaveLength(cap);
    // Refused whole: the partner is not in the bid, and the bid's version did not move.
    const read = await world.api.call<BidAnswer>('GET', `/api/bids/${bid.id}`, { cookie: world.people.firm.cookie });
    expect(read.body.partners).toEqual([]);
    expect(read.body.version).toBe(bid.version);
  });

  it('sends staff at most 3 help requests per bid per day: of 6 at once and more after, exactly 3 are emailed and the rest get 429 (or 409 for a lost race)', async () => {
    const cap = wiring().config.HELP_REQUESTS_PER_BID_PER_DAY;
    const { bid } = await draftBid();
    const mark = ulid();
    const ask = () =>
      world.api.call<BidAnswer>('POST', `/api/bids/${bid.id}/help`, { cookie: world.people.firm.cookie, body: { message: `Please look at our pricing (${mark}).` } });

    const burst = await Promise.all(Array.from({ length: 6 }, ask));
    const after = [];
    for (let more = 0; more < cap + 1; more++) after.push(await ask());
    await world.deliver();
    await world.deliver();

    const answers = [...burst, ...after];
    expect(cap).toBe(3);
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(cap);
    expect(answers.filter((answer) => ![200, 409, 429].includes(answer.status))).toEqual([]);
    const refused = after.at(-1)!;
    expect(refused.status).toBe(429);
    expect(refused.body.detail).toMatch(/3 times today/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const staffMail = (await inbox.to(wiring().config.STAFF_EMAILS[0]!)).filter((email) => email.body.text?.includes(mark));
    expect(staffMail).toHaveLength(cap);
  });
});
