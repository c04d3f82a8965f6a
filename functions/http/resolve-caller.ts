import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { sessionKey } from '../session-key.ts';
import { wiring } from '../wiring.ts';
import { anonymous, type Caller } from './caller.ts';
import { sessionCookieValue, sessionIdOf } from './session-cookie.ts';

/**
 * Who is calling, read afresh on every request: the cookie's session must still exist (sign-out
 * and erasure delete it), and the organisation's status is read now, so a suspension bites at once.
 */
export async function resolveCaller(event: APIGatewayProxyEventV2): Promise<Caller> {
  const token = sessionCookieValue(event.cookies);
  if (!token) return anonymous;
  const sessionId = await sessionIdOf(token, await sessionKey(wiring().config));
  return sessionId ? callerOfSession(sessionId) : anonymous;
}

/** The person behind a live session, with their staff flag and current membership. */
export async function callerOfSession(sessionId: string): Promise<Caller> {
  const { config, accounts, organisations } = wiring();
  const user = await accounts.userOfSession(sessionId);
  if (!user) return anonymous;
  const organisation = user.organisationId
    ? (await organisations.get({ organisationId: user.organisationId }).go({ consistent: true })).data
    : null;
  return {
    kind: 'person',
    userId: user.userId,
    email: user.email,
    ...(user.name ? { name: user.name } : {}),
    language: user.language,
    ...(user.rejectedRegistration ? { rejectedRegistration: user.rejectedRegistration } : {}),
    sessionId,
    staff: config.STAFF_EMAILS.includes(user.email),
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
