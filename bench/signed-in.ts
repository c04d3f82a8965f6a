import { sessionToken, SESSION_COOKIE } from '#functions/http/session-cookie.ts';
import { sessionKey } from '#functions/session-key.ts';
import type { Wiring } from '#functions/wiring.ts';

/** A live session for the user, as the `Cookie` header the browser would send (no email round trip). */
export async function signedIn(wired: Wiring, userId: string): Promise<string> {
  const expiresAt = Math.floor(Date.now() / 1000) + 12 * 3600;
  const sessionId = await wired.accounts.startSession(userId, expiresAt);
  // The cookie names the person's organisation too, so each request reads its caller in one round trip.
  const organisationId = (await wired.accounts.signedIn({ sessionId, userId }))?.user.organisationId;
  const claims = { sessionId, userId, ...(organisationId ? { organisationId } : {}) };
  return `${SESSION_COOKIE}=${await sessionToken(claims, expiresAt, await sessionKey(wired.config))}`;
}
