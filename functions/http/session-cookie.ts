import { jwtVerify, SignJWT } from 'jose';
import { SESSION_LIFETIME_SECONDS } from '../domain/account/sign-in.ts';

export const SESSION_COOKIE = 'crossover_session';

/** The cookie's value: a signed token naming the session record (which can be deleted at once). */
export async function sessionToken(sessionId: string, key: Uint8Array): Promise<string> {
  return new SignJWT({ sid: sessionId })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime(`${SESSION_LIFETIME_SECONDS}s`)
    .sign(key);
}

/** The session id a valid, unexpired cookie names; undefined for anything else. */
export async function sessionIdOf(token: string, key: Uint8Array): Promise<string | undefined> {
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'] });
    return typeof payload['sid'] === 'string' ? payload['sid'] : undefined;
  } catch {
    return undefined;
  }
}

/** `Secure` everywhere but plain-http localhost, where browsers would drop such a cookie. */
function attributes(siteUrl: string, maxAge: number): string {
  const secure = new URL(siteUrl).protocol === 'https:' ? '; Secure' : '';
  return `Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`;
}

export const sessionCookie = (token: string, siteUrl: string) => `${SESSION_COOKIE}=${token}; ${attributes(siteUrl, SESSION_LIFETIME_SECONDS)}`;
export const clearedSessionCookie = (siteUrl: string) => `${SESSION_COOKIE}=; ${attributes(siteUrl, 0)}`;

/** The session cookie's value among the request's cookies (API Gateway passes them as `name=value`). */
export function sessionCookieValue(cookies: string[] | undefined): string | undefined {
  const prefix = `${SESSION_COOKIE}=`;
  return cookies?.find((cookie) => cookie.startsWith(prefix))?.slice(prefix.length) || undefined;
}
