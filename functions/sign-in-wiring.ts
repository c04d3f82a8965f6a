import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { SignInPorts } from './domain/account/sign-in.ts';
import { renderEmail } from './mail/layout.ts';
import { signInCode } from './mail/templates/sign-in-code.ts';
import type { Mailer } from './mail/message.ts';
import { configuredMailer } from './mail/ses-mailer.ts';
import { once } from './once.ts';
import { wiring, type Wiring } from './wiring.ts';

/** The mailer of sign-in codes, the one email the API sends itself (the rest goes through the outbox). */
export const signInMailer = once(() => configuredMailer(wiring().config));

/** The real adapters behind sign-in: the table, HMAC with the session key, SES for the code. */
export function signInPorts(wired: Wiring, mailer: Mailer, key: Uint8Array): SignInPorts {
  const { accounts, config } = wired;
  return {
    codesSince: accounts.codesSince,
    saveCode: accounts.saveCode,
    countTry: accounts.countTry,
    useLimit: accounts.useSignInLimit,
    useCode: accounts.useCode,
    findAccount: accounts.findAccount,
    createAccount: (email, language) => accounts.createAccount(email, language),
    startSession: accounts.startSession,
    // Sent directly, not through the outbox: the person is waiting for it right now.
    sendCode: async (to, code, link) => {
      await mailer.send({ ...renderEmail(signInCode.compose({ code, link }, to.language), to.language), to });
    },
    keyedHash: (text) => createHmac('sha256', key).update(text).digest('base64url'),
    sameHash: (a, b) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b)),
    randomCode: () => String(randomInt(0, 1_000_000)).padStart(6, '0'),
    randomSecret: () => randomBytes(32).toString('base64url'),
    newId: wired.newId,
    now: () => new Date(),
    siteUrl: config.SITE_URL,
    perClient: { codes: config.SIGN_IN_CODES_PER_CLIENT, verifies: config.SIGN_IN_VERIFIES_PER_CLIENT },
  };
}
