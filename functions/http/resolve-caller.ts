import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { SessionClaims, SignedIn } from '../data/accounts.ts';
import { sessionKey } from '../session-key.ts';
import { wiring } from '../wiring.ts';
import type { Person } from '../domain/account/person.ts';
import { anonymous, type Caller } from './caller.ts';
import { sessionClaimsOf, sessionCookie, sessionCookieValue, sessionToken } from './session-cookie.ts';

/** Who is calling, and a renewed session cookie when the one sent names an organisation the person no longer has (or not yet). */
export interface ResolvedCaller {
  caller: Caller;
  renewedCookie?: string;
}

/**
 * Who is calling, read afresh on every request in one DynamoDB request: the cookie's session must
 * still exist (sign-out, erasure and suspension delete it), the user must not be erased, and their
 * membership and the organisation's status are read now, so every revocation bites at once.
 */
export async function resolveCaller(event: APIGatewayProxyEventV2): Promise<ResolvedCaller> {
  const token = sessionCookieValue(event.cookies);
  if (!token) return { caller: anonymous };
  const key = await sessionKey(wiring().config);
  const claims = await sessionClaimsOf(token, key);
  const signedIn = claims && (await wiring().accounts.signedIn(claims));
  if (!claims || !signedIn) return { caller: anonymous };
  const caller = personOf(claims.sessionId, signedIn);
  // The next request reads the organisation together with the rest again, instead of after it.
  if (signedIn.user.organisationId === claims.organisationId) return { caller };
  return { caller, renewedCookie: await sessionCookieFor(currentClaims(claims.sessionId, signedIn), signedIn.expiresAt, key) };
}

/** The person behind a session just started (sign-in), with the cookie that names it. */
export async function startedSession(sessionId: string, userId: string): Promise<{ caller: Person; cookie: string }> {
  const key = await sessionKey(wiring().config);
  const signedIn = await wiring().accounts.signedIn({ sessionId, userId });
  if (!signedIn) throw new Error(`Session ${sessionId} ended as it started`);
  return { caller: personOf(sessionId, signedIn), cookie: await sessionCookieFor(currentClaims(sessionId, signedIn), signedIn.expiresAt, key) };
}

const currentClaims = (sessionId: string, { user }: SignedIn): SessionClaims => ({
  sessionId,
  userId: user.userId,
  ...(user.organisationId ? { organisationId: user.organisationId } : {}),
});

const sessionCookieFor = async (claims: SessionClaims, expiresAt: number, key: Uint8Array) =>
  sessionCookie(await sessionToken(claims, expiresAt, key), expiresAt, wiring().config.SITE_URL);

/** The person behind a live session, with their staff flag and current membership. */
function personOf(sessionId: string, { user, organisation }: SignedIn): Person {
  return {
    kind: 'person',
    userId: user.userId,
    email: user.email,
    ...(user.name ? { name: user.name } : {}),
    language: user.language,
    ...(user.rejectedRegistration ? { rejectedRegistration: user.rejectedRegistration } : {}),
    sessionId,
    staff: wiring().config.STAFF_EMAILS.includes(user.email),
    membership:
      organisation && user.role
        ? {
            organisationId: organisation.organisationId,
            organisationName: organisation.name,
            organisationKind: organisation.kind,
            organisationStatus: organisation.status,
            role: user.role,
          }
        : null,
  };
}
