import type { Language } from '#shared/language.ts';
import { invalidError, rateLimitedError } from '../errors.ts';

/** Codes and links work this long. */
export const CODE_LIFETIME_SECONDS = 15 * 60;
/** A session lasts this long. */
export const SESSION_LIFETIME_SECONDS = 12 * 60 * 60;
const MAX_CODES_PER_HOUR = 5;
const MAX_WRONG_TRIES = 5;
const HOUR_MS = 60 * 60 * 1000;

export interface StoredCode {
  email: string;
  codeId: string;
  codeHash: string;
  linkHash: string;
  wrongTries: number;
  usedAt?: string;
  /** The language the person browsed in when asking; a first sign-in opens the account in it. */
  language: Language;
  createdAt: string;
  expiresAt: number;
}

export interface Account {
  userId: string;
  email: string;
  language: Language;
  organisationId?: string;
}

export interface SignInPorts {
  /** The codes sent to an address since a moment, newest first. */
  codesSince(email: string, sinceIso: string): Promise<StoredCode[]>;
  saveCode(code: StoredCode): Promise<void>;
  recordWrongTry(code: StoredCode): Promise<void>;
  /** Marks a code used; false when it was used already (two tabs, a replayed link). */
  useCode(code: StoredCode, at: string): Promise<boolean>;
  findAccount(email: string): Promise<Account | undefined>;
  createAccount(email: string, language: Language): Promise<Account>;
  /** Lets a person without an organisation join one that invited their address. */
  acceptInvitation(account: Account): Promise<void>;
  startSession(userId: string, expiresAt: number): Promise<string>;
  sendCode(to: { email: string; language: Language }, code: string, link: string): Promise<void>;
  /** A keyed hash (HMAC), so a stolen table copy reveals no usable code. */
  keyedHash(text: string): string;
  sameHash(a: string, b: string): boolean;
  randomCode(): string;
  randomSecret(): string;
  newId(): string;
  now(): Date;
  siteUrl: string;
}

const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);
const linkToken = (email: string, codeId: string, secret: string) =>
  `${Buffer.from(email).toString('base64url')}.${codeId}.${secret}`;

/**
 * Sends a sign-in code and link to an address, whether or not it has an account yet:
 * 1. refuse a sixth code within the hour (429, saying when to try again)
 * 2. store the code and link as keyed hashes, valid 15 minutes
 * 3. email them in the person's language (their account's, else the one they browse in)
 */
export async function requestSignInCode(email: string, language: Language, ports: SignInPorts): Promise<void> {
  const now = ports.now();
  const recent = await ports.codesSince(email, new Date(now.getTime() - HOUR_MS).toISOString());
  if (recent.length >= MAX_CODES_PER_HOUR) {
    const oldest = recent[recent.length - 1]!;
    const retryAfter = (Date.parse(oldest.createdAt) + HOUR_MS - now.getTime()) / 1000;
    throw rateLimitedError('Too many sign-in codes for this address; try again later.', retryAfter);
  }
  const code = ports.randomCode();
  const secret = ports.randomSecret();
  const codeId = ports.newId();
  await ports.saveCode({
    email,
    codeId,
    codeHash: ports.keyedHash(`${email}:${code}`),
    linkHash: ports.keyedHash(`${email}:${secret}`),
    wrongTries: 0,
    language,
    createdAt: now.toISOString(),
    expiresAt: epochSeconds(now) + CODE_LIFETIME_SECONDS,
  });
  const account = await ports.findAccount(email);
  const link = `${ports.siteUrl}/sign-in?token=${encodeURIComponent(linkToken(email, codeId, secret))}`;
  await ports.sendCode({ email, language: account?.language ?? language }, code, link);
}

export type SignInProof = { email: string; code: string } | { token: string };

function readToken(token: string): { email: string; codeId: string; secret: string } | undefined {
  const [emailPart, codeId, secret] = token.split('.');
  if (!emailPart || !codeId || !secret) return undefined;
  return { email: Buffer.from(emailPart, 'base64url').toString('utf8').toLowerCase(), codeId, secret };
}

async function provenCode(proof: SignInProof, ports: SignInPorts, now: Date): Promise<StoredCode> {
  const byToken = 'token' in proof ? readToken(proof.token) : undefined;
  const email = 'token' in proof ? byToken?.email : proof.email;
  const invalid = () => invalidError('This code is not valid (any more). Ask for a new one.', 'token' in proof ? 'body.token' : 'body.code');
  if (!email) throw invalid();
  const live = (await ports.codesSince(email, new Date(now.getTime() - CODE_LIFETIME_SECONDS * 1000).toISOString())).filter(
    (code) => !code.usedAt && code.expiresAt > epochSeconds(now),
  );
  if ('token' in proof) {
    const code = live.find((candidate) => candidate.codeId === byToken?.codeId);
    if (!code || !ports.sameHash(code.linkHash, ports.keyedHash(`${email}:${byToken?.secret}`))) throw invalid();
    return code;
  }
  const newest = live[0];
  if (!newest) throw invalid();
  if (newest.wrongTries >= MAX_WRONG_TRIES) {
    throw rateLimitedError('Too many wrong tries for this code. Ask for a new one.', newest.expiresAt - epochSeconds(now));
  }
  if (!ports.sameHash(newest.codeHash, ports.keyedHash(`${email}:${proof.code}`))) {
    await ports.recordWrongTry(newest);
    throw invalidError('This code is not right. Check the latest email and try again.', 'body.code');
  }
  return newest;
}

/**
 * Signs a person in with the code or the link from their email:
 * 1. check the code (newest live code; at most 5 wrong tries) or the link's token
 * 2. use it up, so it works once
 * 3. find the person's account, or open one for a first sign-in
 * 4. let them join an organisation that invited them
 * 5. start a 12-hour session, returning its id for the cookie
 */
export async function verifySignIn(proof: SignInProof, ports: SignInPorts): Promise<{ sessionId: string; userId: string }> {
  const now = ports.now();
  const code = await provenCode(proof, ports, now);
  if (!(await ports.useCode(code, now.toISOString()))) throw invalidError('This code was used already. Ask for a new one.', 'body.code');
  const account = (await ports.findAccount(code.email)) ?? (await ports.createAccount(code.email, code.language));
  if (!account.organisationId) await ports.acceptInvitation(account);
  const sessionId = await ports.startSession(account.userId, epochSeconds(now) + SESSION_LIFETIME_SECONDS);
  return { sessionId, userId: account.userId };
}
