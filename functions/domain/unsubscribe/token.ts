import { jwtVerify, SignJWT } from 'jose';
import { unsubscribeKinds, type UnsubscribeKind } from '#shared/unsubscribe.ts';
import { DomainError } from '../errors.ts';

const AUDIENCE = 'unsubscribe';

/** Whom a valid unsubscribe link names: the address it was sent to and the kind of email it stops. */
export interface UnsubscribeClaims {
  email: string;
  kind: UnsubscribeKind;
}

/**
 * The token of a recipient's unsubscribe link: HS256 with the session key, the address (lower-cased)
 * as subject and the kind of email. It never expires, as a link in an old email must still work; its
 * audience keeps it from being taken for any other token signed with the same key.
 */
export async function signUnsubscribeToken({ email, kind }: UnsubscribeClaims, key: Uint8Array): Promise<string> {
  return new SignJWT({ kind }).setProtectedHeader({ alg: 'HS256' }).setSubject(email.toLowerCase()).setAudience(AUDIENCE).sign(key);
}

const badLink = () => new DomainError('invalid', 'This unsubscribe link is not valid: it may have been cut short or changed. Use the link from the email itself.', 'params.token');

/** What a token names; a forged, altered or otherwise foreign token is refused naming `params.token`. */
export async function verifyUnsubscribeToken(token: string, key: Uint8Array): Promise<UnsubscribeClaims> {
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], audience: AUDIENCE });
    const kind = unsubscribeKinds.find((known) => known === payload['kind']);
    if (typeof payload.sub !== 'string' || !payload.sub || !kind) throw badLink();
    return { email: payload.sub, kind };
  } catch {
    throw badLink();
  }
}
