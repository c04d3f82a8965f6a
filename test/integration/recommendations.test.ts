import { describe, expect, it } from 'vitest';
import type { RecommendedFirms } from '#shared/matching.ts';
import type { RegisterOrganisation } from '#shared/organisation.ts';
import { wiring } from '#functions/wiring.ts';
import { signedInAs } from '../helpers/api.ts';
import { publishedChallenge, storedChallenge, useMarketplace, verifiedOrganisation } from '../helpers/challenges.ts';
import { countDynamoDbReads } from '../helpers/dynamodb-reads.ts';
import { commissionerRegistration, firmRegistration, registeredBy } from '../helpers/organisations.ts';
import { seededFirm, seedingClient, writeSeeded } from '../helpers/seeded-items.ts';

const path = (challengeId: string) => `/api/challenges/${challengeId}/recommended-firms`;

describe('Recommendations: the firms that fit a challenge, shown to its commissioner and staff only', () => {
  const world = useMarketplace();
  const firm = async (registration: Partial<RegisterOrganisation>) => verifiedOrganisation(world.api, firmRegistration(registration), world.people.staff.cookie);
  const recommended = async (challengeId: string, cookie?: string) => world.api.call<RecommendedFirms>('GET', path(challengeId), cookie ? { cookie } : {});

  it('ranks the verified firms sharing a discipline, best first, each with its reasons and what counts against it', async () => {
    // Prepare: the marketplace's two firms (service and UX design, 10-49 people) and four more.
    const [kaartwerk, , soloist] = await Promise.all([
      firm({ name: 'Kaartwerk', disciplines: ['data_visualisation', 'service_design'], sectorsServed: ['government'], sizeBand: '2-9' }),
      firm({ name: 'Geluidsbeeld', disciplines: ['sound'] }),
      firm({ name: 'Eenmanszaak Data', disciplines: ['data_visualisation'], sizeBand: '1', municipality: 'GM0453' }),
    ]);
    const pending = await registeredBy(world.api, firmRegistration({ name: 'Wachtend Ontwerp' }));
    const suspended = await firm({ name: 'Geschorst Ontwerp' });
    await world.api.call('POST', `/api/staff/organisations/${suspended.organisationId}/suspend`, {
      cookie: world.people.staff.cookie,
      body: { reason: 'Reported for unpaid work.' },
    });
    // €20,000 to €45,000 over 12 weeks, hybrid in Amsterdam, for the water board (government): a team of 1.
    const challenge = await publishedChallenge(world, { budgetMaxCents: 4_500_000, durationWeeks: 12 });

    // Act
    const forCommissioner = await recommended(challenge.id, world.people.commissioner.cookie);
    const forStaff = await recommended(challenge.id, world.people.staff.cookie);

    // Assess
    expect(forCommissioner.status).toBe(200);
    expect(forStaff.body).toEqual(forCommissioner.body);
    const items = forCommissioner.body.items;
    expect(items.map(({ firm: { name }, score }) => [name, score])).toEqual([
      ['Kaartwerk', 90],
      ['Beeldtaal', 55],
      ['Studio Noord', 55],
      // Half the disciplines (20), budget (0 to €25,000 meets €20,000 to €45,000: 15), a team of 1 (10), elsewhere.
      ['Eenmanszaak Data', 45],
    ]);
    expect(items[0]).toEqual({
      firm: { id: kaartwerk.organisationId, name: 'Kaartwerk', subsector: 'design', municipality: 'GM0363', sizeBand: '2-9' },
      score: 90,
      reasons: [
        { kind: 'disciplines', shared: ['service_design', 'data_visualisation'], asked: 2 },
        { kind: 'sector', sector: 'government' },
        { kind: 'budget', budgetMinCents: 2_000_000, budgetMaxCents: 4_500_000, sizeBand: '2-9', usualMinCents: 500_000, usualMaxCents: 15_000_000 },
        { kind: 'size', sizeBand: '2-9', teamNeeded: 1 },
        { kind: 'municipality', municipality: 'GM0363' },
      ],
      against: [],
    });
    expect(items[3]?.firm.id).toBe(soloist.organisationId);
    const ids = items.map((item) => item.firm.id);
    expect(ids).not.toContain(pending.organisationId);
    expect(ids).not.toContain(suspended.organisationId);
  });

  it('says what counts against a firm', async () => {
    // €200,000 to €300,000 over 10 weeks: a team of 8, too much for a firm of one and above its usual range.
    const challenge = await publishedChallenge(world, { disciplines: ['data_visualisation'], budgetMinCents: 20_000_000, budgetMaxCents: 30_000_000, durationWeeks: 10 });
    const { body } = await recommended(challenge.id, world.people.commissioner.cookie);
    expect(body.items.find((item) => item.firm.name === 'Eenmanszaak Data')?.against).toEqual([
      { kind: 'budget_above_range', budgetMinCents: 20_000_000, sizeBand: '1', usualMaxCents: 2_500_000 },
      { kind: 'size_far_too_small', sizeBand: '1', teamNeeded: 8 },
    ]);
  });

  it('answers a firm, another commissioner and a signed-in person of no organisation 404, and nobody 401', async () => {
    const challenge = await publishedChallenge(world);
    const otherCommissioner = await verifiedOrganisation(world.api, commissionerRegistration({ name: 'Gemeente Elders' }), world.people.staff.cookie);
    const nobody = await signedInAs('nobody@recommend.example');
    for (const cookie of [world.people.firm.cookie, otherCommissioner.cookie, nobody.cookie]) expect((await recommended(challenge.id, cookie)).status).toBe(404);
    expect((await recommended(challenge.id)).status).toBe(401);
    expect((await recommended('01J0000000000000000000000Z', world.people.staff.cookie)).status).toBe(404);
  });

  it('answers the members of a pending or suspended commissioner 404, even for their own challenge', async () => {
    const pending = await registeredBy(world.api, commissionerRegistration({ name: 'Gemeente Wachtend' }));
    const ofPending = await storedChallenge(pending.organisationId, 'draft');
    expect((await recommended(ofPending.challengeId, pending.cookie)).status).toBe(404);

    const suspended = await verifiedOrganisation(world.api, commissionerRegistration({ name: 'Gemeente Geschorst' }), world.people.staff.cookie);
    const ofSuspended = await storedChallenge(suspended.organisationId, 'published');
    expect((await recommended(ofSuspended.challengeId, suspended.cookie)).status).toBe(200);
    await world.api.call('POST', `/api/staff/organisations/${suspended.organisationId}/suspend`, { cookie: world.people.staff.cookie, body: { reason: 'Unpaid invoices.' } });
    // Suspension ends the sessions: the owner signs in again, and still sees no recommendations.
    const again = await signedInAs(suspended.email);
    expect((await recommended(ofSuspended.challengeId, again.cookie)).status).toBe(404);
    expect((await recommended(ofSuspended.challengeId, world.people.staff.cookie)).status).toBe(200);
  });

  it('shows the recommendations of a firms-only or NDA challenge to staff and its commissioner, and to no firm', async () => {
    for (const overrides of [{ visibility: 'verified_firms' as const }, { ndaRequired: true }]) {
      const challenge = await publishedChallenge(world, overrides);
      expect((await recommended(challenge.id, world.people.commissioner.cookie)).status).toBe(200);
      expect((await recommended(challenge.id, world.people.staff.cookie)).status).toBe(200);
      expect((await recommended(challenge.id, world.people.firm.cookie)).status).toBe(404);
      expect((await recommended(challenge.id, world.people.otherFirm.cookie)).status).toBe(404);
      expect((await recommended(challenge.id)).status).toBe(401);
    }
  });

  it('reads at most 200 directory entries per discipline and the firms they name, never every firm, and shows the first 20', async () => {
    // Prepare: 260 verified photographers, more than one discipline's read holds.
    const client = seedingClient(wiring().config.DYNAMODB_ENDPOINT!);
    try {
      const photographers = Array.from({ length: 260 }, (_, n) => ({ ...seededFirm(n, 'verified'), disciplines: ['photography' as const] }));
      await writeSeeded(client, wiring().config.TABLE_NAME, { organisations: photographers });
    } finally {
      client.destroy();
    }
    const challenge = await publishedChallenge(world, { disciplines: ['photography'] });
    const dynamoDb = countDynamoDbReads();

    // Act
    const { status, body } = await recommended(challenge.id, world.people.staff.cookie);
    const cost = dynamoDb.reset();

    // Assess: the caller (one BatchGet) and the challenge, then one Query of 200 entries and two BatchGets of 100 firms.
    expect(status).toBe(200);
    expect(body.items).toHaveLength(20);
    expect(cost.commands).toEqual(['BatchGetItemCommand', 'GetItemCommand', 'QueryCommand', 'BatchGetItemCommand', 'BatchGetItemCommand']);
    expect(cost.unbounded).toEqual([]);
    expect(cost.items).toBeLessThanOrEqual(3 + 200 + 200);
  });
});
