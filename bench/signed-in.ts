import { sessionToken, SESSION_COOKIE } from '#functions/http/session-cookie.ts';
import { sessionKey } from '#functions/session-key.ts';
import type { Wiring } from '#functions/wiring.ts';

/** A live session for the user, as the `Cookie` header the browser would send (no email round trip). */
export async function signedIn(wired: Wiring, userId: string): Promise<string> {
  const sessionId = await wired.accounts.startSession(userId, Math.floor(Date.now() / 1000) + 12 * 3600);
  return `${SESSION_COOKIE}=${await sessionToken(sessionId, await sessionKey(wired.config))}`;
}
