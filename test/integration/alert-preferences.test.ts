import { describe, expect, it } from 'vitest';
import type { AlertSettings } from '#shared/alerts.ts';
import { wiring } from '#functions/wiring.ts';
import { signedInAs, uniqueEmail } from '../helpers/api.ts';
import { useMarketplace, type Problem } from '../helpers/challenges.ts';

const world = useMarketplace();

const chosen = {
  disciplines: ['service_design', 'sound'],
  sectors: ['health'],
  types: ['commission'],
  funding: [],
  minBudgetCents: 2_000_000,
  municipalities: ['GM0363'],
  language: 'en',
  frequency: 'immediately',
};

const settingsOf = (cookie: string) => world.api.call<AlertSettings>('GET', '/api/me/alerts', { cookie });
const save = (cookie: string, body: object) => world.api.call<AlertSettings & Problem>('PUT', '/api/me/alerts', { cookie, body });

/** Everyone filed under this discipline key at this frequency: the people alerts of such a challenge reach. */
async function filedUnder(frequency: 'immediately' | 'weekly', key: string) {
  const page = await wiring().alertPorts.alerts.subscribers(frequency, key, { limit: 100 });
  return page.items.map(({ userId }) => userId);
}

describe('Alert preferences', () => {
  it("suggests, until saved, the firm profile's disciplines and sectors served, sending nothing yet", async () => {
    const settings = await settingsOf(world.people.firm.cookie);
    expect(settings.status).toBe(200);
    expect(settings.body).toMatchObject({ saved: false, suggestedFrom: 'firmProfile', version: 0 });
    expect(settings.body.preferences).toMatchObject({ disciplines: ['service_design', 'ux_design'], sectors: ['health'], frequency: 'weekly' });
    expect(await filedUnder('weekly', 'discipline:service_design')).not.toContain(world.people.firm.userId);
  });

  it('suggests nothing in particular to a person without an organisation', async () => {
    const loner = await signedInAs(uniqueEmail('loner'));
    expect((await settingsOf(loner.cookie)).body).toMatchObject({ saved: false, suggestedFrom: 'nothing', preferences: { disciplines: [], frequency: 'weekly' } });
  });

  it('files a saved choice under each chosen discipline, moves it when disciplines change and removes it when alerts are off', async () => {
    const person = await signedInAs(uniqueEmail('chooser'));
    const saved = await save(person.cookie, { ...chosen, version: 0 });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ saved: true, version: 1, preferences: chosen });
    expect((await settingsOf(person.cookie)).body).toEqual(saved.body);
    expect(await filedUnder('immediately', 'discipline:service_design')).toContain(person.userId);
    expect(await filedUnder('immediately', 'discipline:sound')).toContain(person.userId);

    const moved = await save(person.cookie, { ...chosen, disciplines: ['ux_design'], frequency: 'weekly', version: 1 });
    expect(moved.status).toBe(200);
    expect(await filedUnder('immediately', 'discipline:service_design')).not.toContain(person.userId);
    expect(await filedUnder('immediately', 'discipline:sound')).not.toContain(person.userId);
    expect(await filedUnder('weekly', 'discipline:ux_design')).toContain(person.userId);

    const anyDiscipline = await save(person.cookie, { ...chosen, disciplines: [], frequency: 'immediately', version: 2 });
    expect(anyDiscipline.status).toBe(200);
    expect(await filedUnder('weekly', 'discipline:ux_design')).not.toContain(person.userId);
    expect(await filedUnder('immediately', 'discipline:any')).toContain(person.userId);

    expect((await save(person.cookie, { ...chosen, frequency: 'off', version: 3 })).status).toBe(200);
    expect(await filedUnder('immediately', 'discipline:any')).not.toContain(person.userId);
  });

  it('of two saves over the same version, takes one (200) and refuses the other (409 naming the version), and files only the winner', async () => {
    const person = await signedInAs(uniqueEmail('two-tabs'));
    const answers = await Promise.all([
      save(person.cookie, { ...chosen, disciplines: ['game_design'], version: 0 }),
      save(person.cookie, { ...chosen, disciplines: ['fashion_tech'], version: 0 }),
    ]);
    expect(answers.map(({ status }) => status).sort()).toEqual([200, 409]);
    expect(answers.find(({ status }) => status === 409)!.body.errors?.[0]?.field).toBe('body.version');
    const winner = answers.find(({ status }) => status === 200)!.body.preferences.disciplines[0]!;
    const loser = winner === 'game_design' ? 'fashion_tech' : 'game_design';
    expect(await filedUnder('immediately', `discipline:${winner}`)).toContain(person.userId);
    expect(await filedUnder('immediately', `discipline:${loser}`)).not.toContain(person.userId);
  });

  it('names each invalid field (422): an unknown discipline, a value twice, a negative budget, no version', async () => {
    const person = await signedInAs(uniqueEmail('careless'));
    const answer = await save(person.cookie, { ...chosen, disciplines: ['juggling'], sectors: ['health', 'health'], minBudgetCents: -1, version: undefined });
    expect(answer.status).toBe(422);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    const fields = answer.body.errors?.map(({ field }) => field) ?? [];
    expect(fields).toEqual(expect.arrayContaining(['body.disciplines.0', 'body.sectors', 'body.minBudgetCents', 'body.version']));
    expect((await settingsOf(person.cookie)).body.saved).toBe(false);
  });

  it('asks anonymous callers to sign in (401)', async () => {
    expect((await world.api.call('GET', '/api/me/alerts')).status).toBe(401);
  });

  it('hands the preferences over in the personal data export, and erasure deletes them with every filing', async () => {
    const person = await signedInAs(uniqueEmail('leaving'));
    expect((await save(person.cookie, { ...chosen, version: 0 })).status).toBe(200);
    const exported = await world.api.call<{ alertPreferences: { disciplines: string[] } | null }>('GET', '/api/me/export', { cookie: person.cookie });
    expect(exported.body.alertPreferences?.disciplines).toEqual(chosen.disciplines);

    expect((await world.api.call('DELETE', '/api/me', { cookie: person.cookie })).status).toBe(204);
    expect(await wiring().alertPorts.alerts.preferences(person.userId)).toBeUndefined();
    expect(await filedUnder('immediately', 'discipline:service_design')).not.toContain(person.userId);
    expect(await filedUnder('immediately', 'discipline:sound')).not.toContain(person.userId);
  });
});
