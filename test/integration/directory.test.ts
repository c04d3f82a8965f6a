import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisterOrganisation } from '#shared/organisation.ts';
import { wiring } from '#functions/wiring.ts';
import { signedInAs, startTestApi, type TestApi } from '../helpers/api.ts';
import { commissionerRegistration, firmRegistration, registeredBy } from '../helpers/organisations.ts';
import { createTestTable } from '../helpers/table.ts';

type Listed = { items: { id: string; name: string; kvkNumber?: string }[]; cursor: string | null };

describe('Directory: the public list of verified creative firms', () => {
  let api: TestApi;
  let staff: string;
  const ids: Record<string, string> = {};

  const firmVerified = async (registration: RegisterOrganisation) => {
    const owner = await registeredBy(api, registration);
    await api.call('POST', `/api/staff/organisations/${owner.organisationId}/verify`, { cookie: staff });
    ids[registration.name] = owner.organisationId;
    return owner;
  };
  const names = async (query = '') => (await api.call<Listed>('GET', `/api/firms${query}`)).body.items.map((firm) => firm.name);

  beforeAll(async () => {
    await createTestTable();
    api = await startTestApi();
    staff = (await signedInAs(wiring().config.STAFF_EMAILS[0]!)).cookie;
    // Four verified firms, and three organisations the directory must not show.
    await firmVerified(firmRegistration({ name: 'merkwaardig', subsector: 'creative_agency', disciplines: ['branding'], municipality: 'GM0453', sizeBand: '10-49' }));
    await firmVerified(
      firmRegistration({ name: 'Beeldtaal', subsector: 'digital_media', disciplines: ['film_video', 'data_visualisation'], municipality: 'GM0362', sizeBand: '10-49' }),
    );
    await firmVerified(firmRegistration({ name: 'Pixelhaven', subsector: 'games', disciplines: ['game_design', 'xr_vr'], municipality: 'GM0363', sizeBand: '2-9' }));
    await firmVerified(firmRegistration({ name: 'Draadwerk', subsector: 'fashion', disciplines: ['fashion_tech', 'xr_vr'], municipality: 'GM0363', sizeBand: '2-9' }));
    ids['Geluidsbeeld'] = (await registeredBy(api, firmRegistration({ name: 'Geluidsbeeld' }))).organisationId;
    ids['Gemeente Havenstad'] = (await firmVerified(commissionerRegistration({ name: 'Gemeente Havenstad' }))).organisationId;
    const suspended = await firmVerified(firmRegistration({ name: 'Afgemeld' }));
    await api.call('POST', `/api/staff/organisations/${suspended.organisationId}/suspend`, { cookie: staff, body: { reason: 'Reported for unpaid work.' } });
  });
  afterAll(() => api?.stop());

  it('shows only verified creative firms, sorted by name regardless of case, to anyone', async () => {
    expect(await names()).toEqual(['Beeldtaal', 'Draadwerk', 'merkwaardig', 'Pixelhaven']);
  });

  it('filters by subsector, discipline, municipality and size, alone and together', async () => {
    expect(await names('?subsector=games')).toEqual(['Pixelhaven']);
    expect(await names('?discipline=xr_vr')).toEqual(['Draadwerk', 'Pixelhaven']);
    expect(await names('?municipality=GM0363')).toEqual(['Draadwerk', 'Pixelhaven']);
    expect(await names('?size=10-49')).toEqual(['Beeldtaal', 'merkwaardig']);
    expect(await names('?discipline=xr_vr&subsector=fashion&municipality=GM0363&size=2-9')).toEqual(['Draadwerk']);
    expect(await names('?discipline=sound')).toEqual([]);
  });

  it('pages through the firms with a cursor, filtered too, and the last page has no cursor', async () => {
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const page: { body: Listed } = await api.call<Listed>('GET', `/api/firms?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      pages.push(page.body.items.map((firm) => firm.name));
      cursor = page.body.cursor;
    } while (cursor);
    const filtered = await api.call<Listed>('GET', '/api/firms?limit=1&discipline=xr_vr');
    const filteredNext = await api.call<Listed>('GET', `/api/firms?limit=1&discipline=xr_vr&cursor=${filtered.body.cursor}`);

    expect(pages).toEqual([
      ['Beeldtaal', 'Draadwerk'],
      ['merkwaardig', 'Pixelhaven'],
    ]);
    expect(filtered.body.items.map((firm) => firm.name)).toEqual(['Draadwerk']);
    expect(filteredNext.body).toMatchObject({ items: [{ name: 'Pixelhaven' }], cursor: null });
  });

  it('moves a firm to its new place when its owner renames it', async () => {
    const owner = await firmVerified(firmRegistration({ name: 'Atelier Oost' }));
    expect((await names()).at(0)).toBe('Atelier Oost');

    await api.call('PATCH', `/api/organisations/${owner.organisationId}`, { cookie: owner.cookie, body: { kind: 'creative', version: 2, name: 'Zuidlicht' } });

    expect(await names()).toEqual(['Beeldtaal', 'Draadwerk', 'merkwaardig', 'Pixelhaven', 'Zuidlicht']);
  });

  it("shows a verified firm's public profile without its KvK number, and nothing for any other organisation (404)", async () => {
    const firm = await api.call<Record<string, unknown>>('GET', `/api/firms/${ids['Pixelhaven']}`);

    expect(firm.status).toBe(200);
    expect(firm.body).toMatchObject({ name: 'Pixelhaven', subsector: 'games', disciplines: ['game_design', 'xr_vr'] });
    expect(firm.body).not.toHaveProperty('kvkNumber');
    for (const hidden of ['Geluidsbeeld', 'Gemeente Havenstad', 'Afgemeld']) {
      expect((await api.call('GET', `/api/firms/${ids[hidden]}`)).status, hidden).toBe(404);
    }
  });

  it('names an unknown filter value (400 query.subsector)', async () => {
    const answer = await api.call<{ errors: { field: string }[] }>('GET', '/api/firms?subsector=plumbing');

    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((error) => error.field)).toEqual(['query.subsector']);
  });
});
