import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { signUnsubscribeToken, verifyUnsubscribeToken } from './token.ts';

const key = new TextEncoder().encode('k'.repeat(32));
const otherKey = new TextEncoder().encode('o'.repeat(32));

async function refusal(token: string, with_ = key): Promise<DomainError> {
  const error = await verifyUnsubscribeToken(token, with_).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof DomainError)) throw new Error(`Expected a refusal, got ${String(error)}`);
  return error;
}

describe('Function: verifyUnsubscribeToken', () => {
  it('reads back the lower-cased address and the kind a token was signed with', async () => {
    const token = await signUnsubscribeToken({ email: 'Anna@Studio.NL', kind: 'notices' }, key);

    expect(await verifyUnsubscribeToken(token, key)).toEqual({ email: 'anna@studio.nl', kind: 'notices' });
  });

  it('refuses a token signed with another key, naming params.token', async () => {
    const forged = await signUnsubscribeToken({ email: 'anna@studio.nl', kind: 'alerts' }, otherKey);

    const error = await refusal(forged);

    expect(error).toMatchObject({ kind: 'invalid', field: 'params.token' });
  });

  it('refuses a token whose address was altered', async () => {
    const [header, , signature] = (await signUnsubscribeToken({ email: 'anna@studio.nl', kind: 'alerts' }, key)).split('.');
    const payload = Buffer.from(JSON.stringify({ kind: 'alerts', sub: 'bob@studio.nl', aud: 'unsubscribe' })).toString('base64url');

    expect((await refusal(`${header}.${payload}.${signature}`)).field).toBe('params.token');
  });

  it('refuses a token for another audience (a session cookie signed with the same key) and one without a known kind', async () => {
    const session = await new SignJWT({ sid: 's', uid: 'u' }).setProtectedHeader({ alg: 'HS256' }).setSubject('anna@studio.nl').sign(key);
    const unknownKind = await new SignJWT({ kind: 'everything' }).setProtectedHeader({ alg: 'HS256' }).setSubject('anna@studio.nl').setAudience('unsubscribe').sign(key);

    expect((await refusal(session)).field).toBe('params.token');
    expect((await refusal(unknownKind)).field).toBe('params.token');
    expect((await refusal('not-a-token')).field).toBe('params.token');
  });
});
