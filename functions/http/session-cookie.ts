import { jwtVerify, SignJWT } from 'jose';
import type { SessionClaims } from '../data/accounts.ts';

export const SESSION_COOKIE = 'crossover_session';

/**
 * The cookie's value: a signed token naming the session record (which can be deleted at once), its
 * user and their organisation, so that one request reads all three; the records, not the token, decide.
 */
export async function sessionToken(claims: SessionClaims, expiresAt: number, key: Uint8Array): Promise<string> {
  return new SignJWT({ sid: claims.sessionId, uid: claims.userId, ...(claims.organisationId ? { org: claims.organisationId } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime(expiresAt)
    .sign(key);
}

/** What a valid, unexpired cookie names; undefined for anything else (a cookie from before it named the user included: sign in again). */
export async function sessionClaimsOf(token: string, key: Uint8Array): Promise<SessionClaims | undefined> {
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'] });
    const { sid, uid, org } = payload;
    if (typeof sid !== 'string' || typeof uid !== 'string') return undefined;
    return { sessionId: sid, userId: uid, ...(typeof org === 'string' ? { organisationId: org } : {}) };
  } catch {
    return undefined;
  }
}

/** `Secure` everywhere but plain-http localhost, where browsers would drop such a cookie. */
function attributes(siteUrl: string, maxAge: number): string {
  const secure = new URL(siteUrl).protocol === 'https:' ? '; Secure' : '';
  return `Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`;
}

/** The cookie lives as long as its session. */
export const sessionCookie = (token: string, expiresAt: number, siteUrl: string) =>
  `${SESSION_COOKIE}=${token}; ${attributes(siteUrl, Math.max(0, expiresAt - Math.floor(Date.now() / 1000)))}`;
export const clearedSessionCookie = (siteUrl: string) => `${SESSION_COOKIE}=; ${attributes(siteUrl, 0)}`;

/** The session cookie's value among the request's cookies (API Gateway passes them as `name=value`). */
export function sessionCookieValue(cookies: string[] | undefined): string | undefined {
  const prefix = `${SESSION_COOKIE}=`;
  return cookies?.find((cookie) => cookie.startsWith(prefix))?.slice(prefix.length) || undefined;
}
