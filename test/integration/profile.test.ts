import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Me } from '#shared/account.ts';
import type { Problem } from '#shared/problem.ts';
import { signedInAs, startTestApi, uniqueEmail, type TestApi } from '../helpers/api.ts';
import { createTestTable } from '../helpers/table.ts';

describe('Profile: PATCH /api/me changes the signed-in person’s name and language', () => {
  let api: TestApi;

  beforeAll(async () => {
    await createTestTable();
    api = await startTestApi();
  });
  afterAll(() => api?.stop());

  /** Someone new, signed in; their account starts in English without a name. */
  const someone = async () => (await signedInAs(uniqueEmail('profile'))).cookie;
  const change = (cookie: string, body: unknown) => api.call<Me & Problem>('PATCH', '/api/me', { body, cookie });
  const me = async (cookie: string) => (await api.call<Me>('GET', '/api/me', { cookie })).body.user;

  it('changes the name, answering and keeping it, and leaves the language as it was', async () => {
    const cookie = await someone();

    const changed = await change(cookie, { name: 'Anna Visser' });

    expect(changed.status).toBe(200);
    expect(changed.body.user).toMatchObject({ name: 'Anna Visser', language: 'en' });
    expect(await me(cookie)).toMatchObject({ name: 'Anna Visser', language: 'en' });
  });

  it('changes the language, answering and keeping it, and leaves the name as it was', async () => {
    const cookie = await someone();
    await change(cookie, { name: 'Joost de Boer' });

    const changed = await change(cookie, { language: 'nl' });

    expect(changed.status).toBe(200);
    expect(changed.body.user).toMatchObject({ name: 'Joost de Boer', language: 'nl' });
    expect(await me(cookie)).toMatchObject({ name: 'Joost de Boer', language: 'nl' });
  });

  it('keeps a name without the spaces around it', async () => {
    const cookie = await someone();

    await change(cookie, { name: '  Femke Mulder  ' });

    expect((await me(cookie)).name).toBe('Femke Mulder');
  });

  it.each([
    ['a name of only spaces', 'body.name', { name: '   ' }],
    ['a name over 120 characters', 'body.name', { name: 'a'.repeat(121) }],
    ['a language Crossover does not speak', 'body.language', { language: 'de' }],
    ['a field it does not know', 'body.email', { email: 'someone-else@example.nl' }],
  ])('refuses %s with a problem+json 422 naming %s, and changes nothing', async (_what, field, body) => {
    const cookie = await someone();
    const before = await me(cookie);

    const refused = await change(cookie, body);

    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(refused.body).toMatchObject({ status: 422, title: 'Unprocessable Content' });
    expect(refused.body.errors?.map((error) => error.field)).toEqual([field]);
    expect(await me(cookie)).toEqual(before);
  });

  it('answers someone not signed in with a problem+json 401', async () => {
    const refused = await api.call<Problem>('PATCH', '/api/me', { body: { name: 'Nobody' } });

    expect(refused.status).toBe(401);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
  });
});
