import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import { ulid } from 'ulid';
import { createApiGateway } from '#functions/local/api-adapter.ts';
import { sessionToken, SESSION_COOKIE } from '#functions/http/session-cookie.ts';
import { sessionKey } from '#functions/session-key.ts';
import { wiring } from '#functions/wiring.ts';
import { testSiteUrl } from './table.ts';

export interface ApiAnswer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface TestApi {
  /**
   * Calls the API as the site would: JSON, with the site's Origin, and the session cookie if given;
   * or, with `form`, a form-encoded body (as a mail client's one-click unsubscribe), and `origin: null` sends none.
   */
  call<T = Record<string, unknown>>(
    method: string,
    path: string,
    options?: { body?: unknown; form?: Record<string, string>; cookie?: string; origin?: string | null },
  ): Promise<ApiAnswer<T>>;
  stop(): Promise<void>;
}

/**
 * The API as `npm start` serves it (the local API Gateway adapter calling the real group handlers),
 * on a free port of this test file. Call after createTestTable(), which sets the environment.
 */
export async function startTestApi(): Promise<TestApi> {
  const gateway = createApiGateway();
  const server = createServer((request, response) => void gateway(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    async call(method, path, { body, form, cookie, origin = testSiteUrl } = {}) {
      const headers: Record<string, string> = origin === null ? {} : { origin };
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
      if (cookie) headers['cookie'] = cookie;
      const sent = form ? new URLSearchParams(form).toString() : body === undefined ? undefined : JSON.stringify(body);
      const response = await fetch(`${base}${path}`, { method, headers, body: sent });
      const text = await response.text();
      const json = /json/.test(response.headers.get('content-type') ?? '');
      return { status: response.status, headers: response.headers, body: text && json ? JSON.parse(text) : text || undefined };
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A signed-in person without going through the email: an account for the address (opened if new)
 * and a live session, as the `Cookie` header the browser would send.
 */
export async function signedInAs(email: string): Promise<{ cookie: string; userId: string }> {
  const { accounts, config } = wiring();
  const account = (await accounts.findAccount(email)) ?? (await accounts.createAccount(email, 'en'));
  const expiresAt = Math.floor(Date.now() / 1000) + 3600;
  const sessionId = await accounts.startSession(account.userId, expiresAt);
  const claims = { sessionId, userId: account.userId, ...(account.organisationId ? { organisationId: account.organisationId } : {}) };
  const token = await sessionToken(claims, expiresAt, await sessionKey(config));
  return { cookie: `${SESSION_COOKIE}=${token}`, userId: account.userId };
}

/** A unique address for one test, so tests never see each other's mail or accounts. */
export const uniqueEmail = (who: string, domain = 'example.nl') => `${who}-${ulid().toLowerCase()}@${domain}`;
