import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '#functions/config.ts';
import { seedDemoData } from '#functions/local/seed/seed.ts';
import { createMailWiring } from '#functions/mail-wiring.ts';
import { wiring } from '#functions/wiring.ts';
import { signedInAs, startTestApi, type TestApi } from '../helpers/api.ts';
import { createInbox, recipients } from '../helpers/inbox.ts';
import { outboxDelivery } from '../helpers/organisations.ts';
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

  const verifiedDemoFirms = ['Beeldtaal (demo)', 'Draadwerk (demo)', 'Merkwaardig (demo)', 'Pixelhaven (demo)', 'Ruimtelijk Atelier (demo)', 'Studio Noord (demo)'];
  const directory = async () => (await api.call<{ items: { name: string }[] }>('GET', '/api/firms?limit=50')).body.items.map((firm) => firm.name).sort();
  const ownChallenges = async (email: string) => {
    const person = await signedInAs(email);
    const me = await api.call<{ organisation: { id: string } }>('GET', '/api/me', { cookie: person.cookie });
    const own = await api.call<{ items: { title: string; status: string }[] }>('GET', `/api/organisations/${me.body.organisation.id}/challenges`, { cookie: person.cookie });
    return own.body.items.map(({ title, status }) => `${status}: ${title}`).sort();
  };

  it('lists the six verified demo firms in the directory', async () => {
    expect(await directory()).toEqual(verifiedDemoFirms);
  });

  it('puts the one pending demo firm in the staff verification queue', async () => {
    const staff = await signedInAs(wiring().config.STAFF_EMAILS[0]!);

    const queue = await api.call<{ items: { name: string }[] }>('GET', '/api/staff/organisations?status=pending', { cookie: staff.cookie });

    expect(queue.body.items.map((organisation) => organisation.name)).toEqual(['Geluidsbeeld (demo)']);
  });

  it('seeds a table only once: a second run says it seeded nothing and adds no firm', async () => {
    const second = await seedDemoData(wiring());

    expect([first, second]).toEqual([true, false]);
    expect(await directory()).toEqual(verifiedDemoFirms);
  });

  it.each([
    ['ilse@havenstad.example', 'Gemeente Havenstad (demo)', 'verified'],
    ['mark@zorgnet.example', 'ZorgNet Noord (demo)', 'verified'],
    ['sara@waterlab.example', 'WaterLab Institute (demo)', 'verified'],
    ['anna@studionoord.example', 'Studio Noord (demo)', 'verified'],
    ['ravi@pixelhaven.example', 'Pixelhaven (demo)', 'verified'],
    ['lotte@draadwerk.example', 'Draadwerk (demo)', 'verified'],
    ['joost@beeldtaal.example', 'Beeldtaal (demo)', 'verified'],
    ['femke@merkwaardig.example', 'Merkwaardig (demo)', 'verified'],
    ['tom@ruimtelijk.example', 'Ruimtelijk Atelier (demo)', 'verified'],
    ['noor@geluidsbeeld.example', 'Geluidsbeeld (demo)', 'pending'],
  ])('lets the demo owner %s act as owner of %s (%s) once signed in', async (email, name, status) => {
    const owner = await signedInAs(email);

    const me = await api.call<{ organisation: { name: string; role: string; status: string } }>('GET', '/api/me', { cookie: owner.cookie });

    expect(me.body.organisation).toEqual(expect.objectContaining({ name, role: 'owner', status }));
  });

  it('lists two open demo challenges to everyone, and the one for verified firms only to a firm as well', async () => {
    const firm = await signedInAs('anna@studionoord.example');

    const publicList = await api.call<{ items: { title: string }[] }>('GET', '/api/challenges');
    const firmList = await api.call<{ items: { title: string }[] }>('GET', '/api/challenges', { cookie: firm.cookie });

    const open = ['De patiëntreis na een heupoperatie opnieuw ontwerpen', 'Hittestress zichtbaar maken in de wijk'];
    expect(publicList.body.items.map(({ title }) => title).sort()).toEqual(open);
    expect(firmList.body.items.map(({ title }) => title).sort()).toEqual([...open, 'Partner for a Horizon Europe bid on water literacy games'].sort());
  });

  it('puts one demo challenge in the staff moderation queue', async () => {
    const staff = await signedInAs(wiring().config.STAFF_EMAILS[0]!);

    const queue = await api.call<{ items: { title: string }[] }>('GET', '/api/staff/challenges', { cookie: staff.cookie });

    expect(queue.body.items.map((challenge) => challenge.title)).toEqual(['Een nieuwe huisstijl voor de digitale balie']);
  });

  it('gives the demo commissioners challenges in every status: draft, submitted, published, closed, awarded, rejected and cancelled', async () => {
    expect(await ownChallenges('ilse@havenstad.example')).toEqual([
      'closed: Campagne afvalscheiding voor studenten',
      'published: Hittestress zichtbaar maken in de wijk',
      'submitted: Een nieuwe huisstijl voor de digitale balie',
    ]);
    expect(await ownChallenges('mark@zorgnet.example')).toEqual([
      'awarded: Een wachtkamer zonder wachtgevoel',
      'draft: Voorlichtingsfilm over samen beslissen',
      'published: De patiëntreis na een heupoperatie opnieuw ontwerpen',
      'rejected: Gratis logo voor ons congres',
    ]);
    // Changes requested sends a challenge back to draft, with the moderator's note.
    expect(await ownChallenges('sara@waterlab.example')).toEqual([
      'cancelled: Data sonification of sea level records',
      'draft: Exhibition design for a travelling dike lab',
      'published: Partner for a Horizon Europe bid on water literacy games',
    ]);
  });

  it('puts demo bids at every stage: a draft, sealed bids (one by a consortium), a shortlisted one, and an award with the others not selected', async () => {
    const bidsOf = async (email: string) => {
      const person = await signedInAs(email);
      const me = await api.call<{ organisation: { id: string } }>('GET', '/api/me', { cookie: person.cookie });
      const bids = await api.call<{ items: { status: string; challengeTitle: string; yourRole: string }[] }>('GET', `/api/organisations/${me.body.organisation.id}/bids`, {
        cookie: person.cookie,
      });
      return bids.body.items.map(({ status, challengeTitle, yourRole }) => `${yourRole} ${status}: ${challengeTitle}`).sort();
    };
    expect(await bidsOf('anna@studionoord.example')).toEqual([
      'lead not_selected: Een wachtkamer zonder wachtgevoel',
      'lead submitted: Campagne afvalscheiding voor studenten',
      'lead submitted: Hittestress zichtbaar maken in de wijk',
    ]);
    expect(await bidsOf('ravi@pixelhaven.example')).toEqual(['partner submitted: Hittestress zichtbaar maken in de wijk']);
    expect(await bidsOf('joost@beeldtaal.example')).toEqual(['lead awarded: Een wachtkamer zonder wachtgevoel', 'lead draft: Hittestress zichtbaar maken in de wijk']);
    expect(await bidsOf('femke@merkwaardig.example')).toEqual(['lead not_selected: Een wachtkamer zonder wachtgevoel', 'lead shortlisted: Campagne afvalscheiding voor studenten']);
  });

  it('sends a few dozen demo freelancers an alert, each once, when staff publish the submitted demo challenge', { timeout: 120_000 }, async () => {
    const staff = await signedInAs(wiring().config.STAFF_EMAILS[0]!);
    const [submitted] = (await api.call<{ items: { id: string; version: number; title: string }[] }>('GET', '/api/staff/challenges', { cookie: staff.cookie })).body.items;
    expect((await api.call('POST', `/api/staff/challenges/${submitted!.id}/approve`, { cookie: staff.cookie, body: { version: submitted!.version } })).status).toBe(200);
    // The seed's own emails go out first; the local SES takes them as fast as they come (SES's rate is a setting).
    const deliver = outboxDelivery(wiring().config.TABLE_NAME, createMailWiring(parseConfig({ ...process.env, SES_MAX_SEND_RATE: '1000' })));
    // As the stream does in AWS, a record the dispatcher failed (a busy machine's timeout) is handed over again, from where it stopped.
    for (let attempt = 1; ; attempt++) {
      const done = await deliver().then(
        () => true,
        (error: unknown) => (attempt < 5 ? false : Promise.reject(error)),
      );
      if (done) break;
    }

    const alerts = (await createInbox().all()).filter((email) => [`Nieuwe uitdaging: “${submitted!.title}”`, `New challenge: “${submitted!.title}”`].includes(email.subject));
    const addressees = alerts.flatMap(recipients);
    expect(addressees.every((address) => address.endsWith('@freelance.example'))).toBe(true);
    expect(new Set(addressees).size).toBe(addressees.length);
    expect(addressees.length).toBeGreaterThanOrEqual(24);
    expect(await wiring().alertRuns.run(`challenge-${submitted!.id}`)).toMatchObject({ matched: addressees.length, sent: addressees.length });
  });
});
