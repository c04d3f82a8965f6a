import type { Language } from '#shared/language.ts';
import { invalidError, rateLimitedError } from '../errors.ts';

/** Codes and links work this long. */
export const CODE_LIFETIME_SECONDS = 15 * 60;
/** A session lasts this long. */
export const SESSION_LIFETIME_SECONDS = 12 * 60 * 60;
const MAX_CODES_PER_HOUR = 5;
const MAX_TRIES_PER_CODE = 5;
/** The window of the per-client limits. */
const CLIENT_WINDOW_SECONDS = 10 * 60;

/** A limit on how often something may happen in a window that starts at its first use. */
export interface SignInLimit {
  /** What is counted, and for whom. */
  scope: string;
  max: number;
  windowSeconds: number;
}

/** Codes sent to one address: at most 5 an hour. */
export const codesToAddress = (email: string): SignInLimit => ({ scope: `codes#address#${email}`, max: MAX_CODES_PER_HOUR, windowSeconds: 60 * 60 });
const codesForClient = (client: string, max: number): SignInLimit => ({ scope: `codes#client#${client}`, max, windowSeconds: CLIENT_WINDOW_SECONDS });
const verifiesForClient = (client: string, max: number): SignInLimit => ({ scope: `verifies#client#${client}`, max, windowSeconds: CLIENT_WINDOW_SECONDS });

export interface StoredCode {
  email: string;
  codeId: string;
  codeHash: string;
  linkHash: string;
  /** Tries at the code, right or wrong: each is counted before the code is compared. */
  tries: number;
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
  /** Counts a try at a code in one conditional write, only while it has had fewer than `max`: false when it has not. */
  countTry(code: StoredCode, max: number): Promise<boolean>;
  /**
   * Counts one use of a limit in one conditional write, only while its window has room (a new
   * window opens at the first use after the last one ended); when it has none, the seconds until it ends.
   */
  useLimit(limit: SignInLimit, nowSeconds: number): Promise<{ used: true } | { used: false; retryAfterSeconds: number }>;
  /** Marks a code used; false when it was used already (two tabs, a replayed link). */
  useCode(code: StoredCode, at: string): Promise<boolean>;
  findAccount(email: string): Promise<Account | undefined>;
  createAccount(email: string, language: Language): Promise<Account>;
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
  /** How many code requests and verify attempts one client (a source IP) may make in 10 minutes. */
  perClient: { codes: number; verifies: number };
}

const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** Uses up one of a limit, or refuses with 429 saying when to try again. */
async function useLimit(limit: SignInLimit, message: string, ports: SignInPorts, now: Date): Promise<void> {
  const outcome = await ports.useLimit(limit, epochSeconds(now));
  if (!outcome.used) throw rateLimitedError(message, outcome.retryAfterSeconds);
}

const linkToken = (email: string, codeId: string, secret: string) => `${Buffer.from(email).toString('base64url')}.${codeId}.${secret}`;

/**
 * Sends a sign-in code and link to an address, whether or not it has an account yet:
 * 1. count the request against the client's limit (a source IP: so many codes per 10 minutes), else 429
 * 2. count it against the address's limit (5 codes an hour), else 429; each count is one
 *    conditional write made before anything is sent, so concurrent requests cannot exceed either
 * 3. store the code and link as keyed hashes, valid 15 minutes
 * 4. email them in the person's language (their account's, else the one they browse in)
 */
export async function requestSignInCode(email: string, language: Language, client: string, ports: SignInPorts): Promise<void> {
  const now = ports.now();
  await useLimit(codesForClient(client, ports.perClient.codes), 'Too many sign-in codes asked from this network; try again later.', ports, now);
  await useLimit(codesToAddress(email), 'Too many sign-in codes for this address; try again later.', ports, now);
  const code = ports.randomCode();
  const secret = ports.randomSecret();
  const codeId = ports.newId();
  await ports.saveCode({
    email,
    codeId,
    codeHash: ports.keyedHash(`${email}:${code}`),
    linkHash: ports.keyedHash(`${email}:${secret}`),
    tries: 0,
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
  // Counted before comparing: a try that finds no room is refused, however many arrive at once.
  if (!(await ports.countTry(newest, MAX_TRIES_PER_CODE))) {
    throw rateLimitedError('Too many tries for this code. Ask for a new one.', newest.expiresAt - epochSeconds(now));
  }
  if (!ports.sameHash(newest.codeHash, ports.keyedHash(`${email}:${proof.code}`))) {
    throw invalidError('This code is not right. Check the latest email and try again.', 'body.code');
  }
  return newest;
}

/**
 * Signs a person in with the code or the link from their email:
 * 1. count the attempt against the client's limit (a source IP: so many per 10 minutes), else 429
 * 2. check the code (the newest live one; at most 5 tries, each counted before comparing) or the link's token
 * 3. use it up, so it works once
 * 4. find the person's account, or open one for a first sign-in (an invitation waits for the person to
 *    accept it: signing in joins no organisation)
 * 5. start a 12-hour session, returning its id for the cookie
 */
export async function verifySignIn(proof: SignInProof, client: string, ports: SignInPorts): Promise<{ sessionId: string; userId: string }> {
  const now = ports.now();
  await useLimit(verifiesForClient(client, ports.perClient.verifies), 'Too many sign-in attempts from this network; try again later.', ports, now);
  const code = await provenCode(proof, ports, now);
  if (!(await ports.useCode(code, now.toISOString()))) throw invalidError('This code was used already. Ask for a new one.', 'body.code');
  const account = (await ports.findAccount(code.email)) ?? (await ports.createAccount(code.email, code.language));
  const sessionId = await ports.startSession(account.userId, epochSeconds(now) + SESSION_LIFETIME_SECONDS);
  return { sessionId, userId: account.userId };
}
