import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '#functions/local/seed/seed.ts';
import { demoChallenges } from '#functions/local/seed/challenge-data.ts';
import { demoOrganisations } from '#functions/local/seed/organisation-data.ts';
import { wiring } from '#functions/wiring.ts';
import { signedInAs, startTestApi, type TestApi } from '../helpers/api.ts';
import { createTestTable } from '../helpers/table.ts';

describe('Local seed: npm start fills a new table with a demo marketplace, once', () => {
  let api: TestApi;
  let first: boolean;

  // Seeding runs every use case of the demo marketplace: it gets the hook's time, not a single test's,
  // so a loaded machine cannot time it out midway and leave it writing under the next test.
  beforeAll(async () => {
    await createTestTable();
    api = await startTestApi();
    first = await seedDemoData(wiring());
  });
  afterAll(() => api?.stop());

  it('lists the verified demo firms in the directory and the pending one in the staff queue, and seeds only once', async () => {
    const second = await seedDemoData(wiring());

    const firms = await api.call<{ items: { name: string }[] }>('GET', '/api/firms?limit=50');
    const staff = await signedInAs(wiring().config.STAFF_EMAILS[0]!);
    const queue = await api.call<{ items: { name: string }[] }>('GET', '/api/staff/organisations?status=pending', { cookie: staff.cookie });
    const verifiedFirms = demoOrganisations.filter((demo) => demo.status === 'verified' && demo.organisation.kind === 'creative');

    expect([first, second]).toEqual([true, false]);
    expect(firms.body.items.map((firm) => firm.name).sort()).toEqual(verifiedFirms.map((demo) => demo.organisation.name).sort());
    expect(queue.body.items.map((organisation) => organisation.name)).toEqual(['Geluidsbeeld (demo)']);
  });

  it('lets each demo owner act for their organisation once signed in', async () => {
    const [demo] = demoOrganisations;
    const owner = await signedInAs(demo!.owner.email);

    const me = await api.call<{ organisation: { name: string; role: string; status: string } }>('GET', '/api/me', { cookie: owner.cookie });

    expect(me.body.organisation).toMatchObject({ name: demo!.organisation.name, role: 'owner', status: 'verified' });
  });

  it('puts demo challenges in every state: open ones listed (firms-only ones only to firms), one awaiting moderation, a closed one', async () => {
    await seedDemoData(wiring());
    const staff = await signedInAs(wiring().config.STAFF_EMAILS[0]!);
    const firm = await signedInAs('anna@studionoord.example');
    const commissioner = await signedInAs('ilse@havenstad.example');

    const publicList = await api.call<{ items: { title: string }[] }>('GET', '/api/challenges');
    const firmList = await api.call<{ items: { title: string }[] }>('GET', '/api/challenges', { cookie: firm.cookie });
    const queue = await api.call<{ items: { title: string }[] }>('GET', '/api/staff/challenges', { cookie: staff.cookie });
    const me = await api.call<{ organisation: { id: string } }>('GET', '/api/me', { cookie: commissioner.cookie });
    const own = await api.call<{ items: { status: string }[] }>('GET', `/api/organisations/${me.body.organisation.id}/challenges`, { cookie: commissioner.cookie });
    const statuses = demoChallenges.map((demo) => demo.stage);

    expect(publicList.body.items).toHaveLength(2);
    expect(firmList.body.items).toHaveLength(3);
    expect(queue.body.items.map((challenge) => challenge.title)).toEqual(['Een nieuwe huisstijl voor de digitale balie']);
    expect(own.body.items.map((challenge) => challenge.status).sort()).toEqual(['closed', 'published', 'submitted']);
    expect(new Set(statuses)).toEqual(new Set(['draft', 'submitted', 'changes_requested', 'published', 'closed', 'rejected', 'cancelled']));
  });

  it('puts demo bids at every stage: a draft, sealed bids (one by a consortium), a shortlisted one, and an award with the others not selected', async () => {
    const bidsOf = async (email: string) => {
      const person = await signedInAs(email);
      const me = await api.call<{ organisation: { id: string } }>('GET', '/api/me', { cookie: person.cookie });
      const bids = await api.call<{ items: { status: string; challengeTitle: string; yourRole: string }[] }>('GET', `/api/organisations/${me.body.organisation.id}/bids`, { cookie: person.cookie });
      return bids.body.items.map(({ status, challengeTitle, yourRole }) => `${yourRole} ${status}: ${challengeTitle}`).sort();
    };
    expect(await bidsOf('anna@studionoord.example')).toEqual([
      'lead not_selected: Een wachtkamer zonder wachtgevoel',
      'lead submitted: Campagne afvalscheiding voor studenten',
      'lead submitted: Hittestress zichtbaar maken in de wijk',
    ]);
    expect(await bidsOf('ravi@pixelhaven.example')).toEqual(['partner submitted: Hittestress zichtbaar maken in de wijk']);
    expect(await bidsOf('joost@beeldtaal.example')).toEqual(['lead awarded: Een wachtkamer zonder wachtgevoel', 'lead draft: Hittestress zichtbaar maken in de wijk']);
    expect(await bidsOf('femke@merkwaardig.example')).toEqual([
      'lead not_selected: Een wachtkamer zonder wachtgevoel',
      'lead shortlisted: Campagne afvalscheiding voor studenten',
    ]);
  });
});
