import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInbox, type InboxEmail } from '../helpers/inbox.ts';
import { startTestApi, uniqueEmail, type TestApi } from '../helpers/api.ts';
import { createTestTable } from '../helpers/table.ts';

const codeIn = (email: InboxEmail) => /\b(\d{6})\b/.exec(email.subject)?.[1] ?? '';
/** A 6-digit code that is not the one in this email. */
const wrongCodeFor = (email: InboxEmail) => (codeIn(email) === '000000' ? '111111' : '000000');
const linkTokenIn = (email: InboxEmail) => decodeURIComponent(/token=([^"&\s]+)/.exec(email.body.text ?? '')?.[1] ?? '');

describe('Sign-in: passwordless, by emailed code or link', () => {
  const inbox = createInbox();
  let api: TestApi;

  beforeAll(async () => {
    await createTestTable();
    api = await startTestApi();
  });
  afterAll(() => api?.stop());

  async function requestCode(email: string, language?: 'nl' | 'en') {
    const before = (await inbox.to(email)).length;
    const answer = await api.call('POST', '/api/auth/code', { body: { email, ...(language ? { language } : {}) } });
    const emails = await inbox.to(email);
    await expect.poll(async () => (await inbox.to(email)).length).toBeGreaterThan(before);
    return { answer, email: (await inbox.to(email)).at(-1) ?? emails.at(-1)! };
  }

  it('answers 202 the same way for any address and emails a 6-digit code and link in the asked language', async () => {
    const email = uniqueEmail('ada');

    const { answer, email: sent } = await requestCode(email, 'en');

    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({ message: 'If this address can sign in, a code is on its way.' });
    expect(sent.subject).toMatch(/^Your Crossover sign-in code: \d{6}$/);
    expect(sent.body.text).toContain('/sign-in?token=');
    expect(sent.body.html).toContain('<html lang="en">');
  });

  it('starts a session with the code: an HttpOnly SameSite=Lax cookie that /api/me accepts, until sign-out', async () => {
    const email = uniqueEmail('bo');
    const { email: sent } = await requestCode(email);

    const verified = await api.call('POST', '/api/auth/verify', { body: { email: email.toUpperCase(), code: codeIn(sent) } });
    const cookie = verified.headers.get('set-cookie') ?? '';
    const session = cookie.split(';')[0] ?? '';

    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ user: { email, language: 'nl' }, organisation: null, staff: false });
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect((await api.call('GET', '/api/me', { cookie: session })).body).toMatchObject({ user: { email } });

    expect((await api.call('POST', '/api/auth/logout', { cookie: session })).status).toBe(204);
    expect((await api.call('GET', '/api/me', { cookie: session })).status).toBe(401);
  });

  it('signs in once with the emailed link, and refuses the same link again', async () => {
    const email = uniqueEmail('cas');
    const { email: sent } = await requestCode(email);
    const token = linkTokenIn(sent);

    const first = await api.call('POST', '/api/auth/verify', { body: { token } });
    const again = await api.call('POST', '/api/auth/verify', { body: { token } });

    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ user: { email } });
    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({ errors: [{ field: 'body.token' }] });
  });

  it('names the code field when the code is wrong, and after 5 wrong tries answers 429 with Retry-After', async () => {
    const email = uniqueEmail('dee');
    const { email: sent } = await requestCode(email);
    const wrong = wrongCodeFor(sent);

    const tries = [];
    for (let attempt = 0; attempt < 5; attempt++) tries.push(await api.call('POST', '/api/auth/verify', { body: { email, code: wrong } }));
    const sixth = await api.call('POST', '/api/auth/verify', { body: { email, code: codeIn(sent) } });

    expect(tries.map((answer) => answer.status)).toEqual([422, 422, 422, 422, 422]);
    expect(tries[0]?.body).toMatchObject({ status: 422, errors: [{ field: 'body.code' }] });
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('sends at most 5 codes an hour to one address, then answers 429 with Retry-After', async () => {
    const email = uniqueEmail('eve');
    for (let sent = 0; sent < 5; sent++) expect((await api.call('POST', '/api/auth/code', { body: { email } })).status).toBe(202);

    const sixth = await api.call('POST', '/api/auth/code', { body: { email } });

    expect(sixth.status).toBe(429);
    expect(sixth.headers.get('content-type')).toBe('application/problem+json');
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(3000);
    expect(await inbox.to(email)).toHaveLength(5);
  });

  it('sends exactly 5 codes to one address when 20 requests arrive at once; the other 15 get 429 with Retry-After', async () => {
    const email = uniqueEmail('ivy');

    const answers = await Promise.all(Array.from({ length: 20 }, () => api.call('POST', '/api/auth/code', { body: { email } })));

    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 202)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);
    for (const refused of answers.filter((answer) => answer.status === 429)) {
      expect(refused.headers.get('content-type')).toBe('application/problem+json');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3000);
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(3600);
    }
    expect(await inbox.to(email)).toHaveLength(5);
  });

  it('counts each try before comparing the code: of 60 wrong codes sent at once, 5 are told "not right" and 55 get 429; then the right code gets 429 too', async () => {
    const email = uniqueEmail('jon');
    const { email: sent } = await requestCode(email);
    const wrong = wrongCodeFor(sent);

    const answers = await Promise.all(Array.from({ length: 60 }, () => api.call('POST', '/api/auth/verify', { body: { email, code: wrong } })));
    const right = await api.call('POST', '/api/auth/verify', { body: { email, code: codeIn(sent) } });

    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 422)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(55);
    expect(answers.find((answer) => answer.status === 422)?.body).toMatchObject({ errors: [{ field: 'body.code' }] });
    expect(Number(answers.find((answer) => answer.status === 429)?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(right.status).toBe(429);
  });

  it('signs in with the right code after wrong tries, as long as fewer than 5 were made', async () => {
    const email = uniqueEmail('kim');
    const { email: sent } = await requestCode(email);
    const wrong = wrongCodeFor(sent);

    const tries = await Promise.all(Array.from({ length: 4 }, () => api.call('POST', '/api/auth/verify', { body: { email, code: wrong } })));
    const right = await api.call('POST', '/api/auth/verify', { body: { email, code: codeIn(sent) } });

    expect(tries.map((answer) => answer.status)).toEqual([422, 422, 422, 422]);
    expect(right.status).toBe(200);
  });

  it('refuses a malformed address or code with 422 naming the field', async () => {
    const badEmail = await api.call('POST', '/api/auth/code', { body: { email: 'not-an-address' } });
    const badCode = await api.call('POST', '/api/auth/verify', { body: { email: uniqueEmail('fay'), code: '12ab' } });

    expect(badEmail.status).toBe(422);
    expect(badEmail.body).toMatchObject({ errors: [{ field: 'body.email' }] });
    expect(badCode.status).toBe(422);
  });

  it('refuses a state-changing request without the site as Origin (CSRF), and /api/me without a session', async () => {
    const crossSite = await api.call('POST', '/api/auth/code', { body: { email: uniqueEmail('gus') }, origin: 'https://evil.example' });
    const anonymous = await api.call('GET', '/api/me');

    expect(crossSite.status).toBe(403);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toBe('application/problem+json');
  });

  it('exports a person’s data and erases it: signed out, and the address starts afresh', async () => {
    const email = uniqueEmail('hal');
    const { email: sent } = await requestCode(email);
    const verified = await api.call<{ user: { id: string } }>('POST', '/api/auth/verify', { body: { email, code: codeIn(sent) } });
    const session = (verified.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

    const exported = await api.call('GET', '/api/me/export', { cookie: session });
    const erased = await api.call('DELETE', '/api/me', { cookie: session });

    expect(exported.body).toMatchObject({ account: { email }, sessions: [expect.objectContaining({ createdAt: expect.any(String) })] });
    expect(JSON.stringify(exported.body)).not.toMatch(/codeHash|linkHash/);
    expect(erased.status).toBe(204);
    expect((await api.call('GET', '/api/me', { cookie: session })).status).toBe(401);
    const { email: again } = await requestCode(email);
    const fresh = await api.call<{ user: { id: string } }>('POST', '/api/auth/verify', { body: { email, code: codeIn(again) } });
    expect(fresh.body.user.id).not.toBe(verified.body.user.id);
  });
});
