import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '#functions/local/seed.ts';
import { demoOrganisations } from '#functions/local/seed-data.ts';
import { wiring } from '#functions/wiring.ts';
import { signedInAs, startTestApi, type TestApi } from '../helpers/api.ts';
import { createTestTable } from '../helpers/table.ts';

describe('Local seed: npm start fills a new table with a demo marketplace, once', () => {
  let api: TestApi;

  beforeAll(async () => {
    await createTestTable();
    api = await startTestApi();
  });
  afterAll(() => api?.stop());

  it('lists the verified demo firms in the directory and the pending one in the staff queue, and seeds only once', async () => {
    const first = await seedDemoData(wiring());
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
});
