import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Config } from './config.ts';
import type { Accounts } from './data/accounts.ts';
import type { SignInPorts } from './domain/account/sign-in.ts';

/** What sign-in's function brings to its ports: the session key and the sender of codes (SES, so only that bundle has mail code). */
export interface SignInSecrets {
  key: Uint8Array;
  sendCode: SignInPorts['sendCode'];
}

/** The real adapters behind sign-in: the table, HMAC with the session key, the code's sender. */
export function signInPortsOf(accounts: Accounts, config: Config, newId: () => string, { key, sendCode }: SignInSecrets): SignInPorts {
  return {
    codesSince: accounts.codesSince,
    saveCode: accounts.saveCode,
    countTry: accounts.countTry,
    useLimit: accounts.useSignInLimit,
    useCode: accounts.useCode,
    findAccount: accounts.findAccount,
    createAccount: (email, language) => accounts.createAccount(email, language),
    startSession: accounts.startSession,
    sendCode,
    keyedHash: (text) => createHmac('sha256', key).update(text).digest('base64url'),
    sameHash: (a, b) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b)),
    randomCode: () => String(randomInt(0, 1_000_000)).padStart(6, '0'),
    randomSecret: () => randomBytes(32).toString('base64url'),
    newId,
    now: () => new Date(),
    siteUrl: config.SITE_URL,
    perClient: { codes: config.SIGN_IN_CODES_PER_CLIENT, verifies: config.SIGN_IN_VERIFIES_PER_CLIENT },
  };
}
