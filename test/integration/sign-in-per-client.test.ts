import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wiring } from '#functions/wiring.ts';
import { createInbox } from '../helpers/inbox.ts';
import { startTestApi, uniqueEmail, type TestApi } from '../helpers/api.ts';
import { createTestTable } from '../helpers/table.ts';

// Low per-client limits for this file only; every request here comes from 127.0.0.1, one client.
const CODES_PER_CLIENT = 3;
const VERIFIES_PER_CLIENT = 4;
const TEN_MINUTES = 600;

describe('Sign-in: limits per client (source IP), each one conditional write', () => {
  const inbox = createInbox();
  let api: TestApi;

  beforeAll(async () => {
    await createTestTable();
    // Before anything reads the configuration: it is parsed once.
    Object.assign(process.env, { SIGN_IN_CODES_PER_CLIENT: String(CODES_PER_CLIENT), SIGN_IN_VERIFIES_PER_CLIENT: String(VERIFIES_PER_CLIENT) });
    api = await startTestApi();
  });
  afterAll(() => api?.stop());

  it('sends codes for only 3 of 10 requests one client makes at once for 10 different addresses; the rest get 429 problem+json with Retry-After', async () => {
    const addresses = Array.from({ length: 10 }, (_, index) => uniqueEmail(`client-${index}`));

    const answers = await Promise.all(addresses.map((email) => api.call('POST', '/api/auth/code', { body: { email } })));

    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 202)).toHaveLength(CODES_PER_CLIENT);
    expect(statuses.filter((status) => status === 429)).toHaveLength(10 - CODES_PER_CLIENT);
    const refused = answers.find((answer) => answer.status === 429)!;
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(TEN_MINUTES - 60);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(TEN_MINUTES);
    const sent = await Promise.all(addresses.map((email) => inbox.to(email)));
    expect(sent.flat()).toHaveLength(CODES_PER_CLIENT);
  });

  it('lets one client make only 4 of 10 sign-in attempts sent at once; the rest get 429 with Retry-After', async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, index) => api.call('POST', '/api/auth/verify', { body: { email: uniqueEmail(`guess-${index}`), code: '123456' } })),
    );

    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 422)).toHaveLength(VERIFIES_PER_CLIENT);
    expect(statuses.filter((status) => status === 429)).toHaveLength(10 - VERIFIES_PER_CLIENT);
    expect(Number(answers.find((answer) => answer.status === 429)?.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('opens a new window at the first use after the last one ended, for only as many uses as the limit, however many arrive at once', async () => {
    const { accounts } = wiring();
    const limit = { scope: `test#${uniqueEmail('window')}`, max: 3, windowSeconds: 60 };
    const start = 1_800_000_000;

    const first = await Promise.all(Array.from({ length: 8 }, () => accounts.useSignInLimit(limit, start)));
    const later = await accounts.useSignInLimit(limit, start + 45);
    const nextWindow = await Promise.all(Array.from({ length: 8 }, () => accounts.useSignInLimit(limit, start + 60)));

    expect(first.filter((outcome) => outcome.used)).toHaveLength(3);
    expect(later).toEqual({ used: false, retryAfterSeconds: 15 });
    expect(nextWindow.filter((outcome) => outcome.used)).toHaveLength(3);
  });
});
