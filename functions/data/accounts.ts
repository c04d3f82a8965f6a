import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Service } from 'electrodb';
import type { Language } from '#shared/language.ts';
import { codesToAddress, type Account, type SignInLimit, type StoredCode } from '../domain/account/sign-in.ts';
import { organisationEntity, type OrganisationRecord } from './organisation.entity.ts';
import { lostRaceError } from './races.ts';
import { tableSchema } from './table-schema.ts';
import { sessionEntity } from './session.entity.ts';
import { signInCodeEntity } from './sign-in-code.entity.ts';
import { signInLimitEntity } from './sign-in-limit.entity.ts';
import { emailClaimEntity } from './email-claim.entity.ts';
import { userEntity, type User } from './user.entity.ts';

/** What a session cookie names: the session, its user and the organisation the user belonged to when it was signed. */
export interface SessionClaims {
  sessionId: string;
  userId: string;
  organisationId?: string;
}

/** A live session with its user and the organisation the user belongs to now. */
export interface SignedIn {
  user: User;
  expiresAt: number;
  organisation: OrganisationRecord | null;
}

/** The stored side of accounts: users, their email claims, sign-in codes and sessions. */
export function createAccounts(client: DynamoDBDocumentClient, table: string, newId: () => string) {
  const users = userEntity(client, table);
  const emailClaims = emailClaimEntity(client, table);
  const codes = signInCodeEntity(client, table);
  const sessions = sessionEntity(client, table);
  const limits = signInLimitEntity(client, table);
  const organisations = organisationEntity(client, table);
  const service = new Service({ users, emailClaims }, { client, table });
  const nowSeconds = () => Math.floor(Date.now() / 1000);
  /** Did this conditional write happen? False when its condition did not hold. */
  const written = async (write: () => Promise<unknown>) => {
    try {
      await write();
      return true;
    } catch (error) {
      if (lostRaceError(error)) return false;
      throw error;
    }
  };
  const toAccount = (user: User): Account => ({
    userId: user.userId,
    email: user.email,
    language: user.language,
    ...(user.organisationId ? { organisationId: user.organisationId } : {}),
  });

  type Key = Record<string, unknown>;
  const keyOf = (get: { params(): object }) => (get.params() as { Key: Key }).Key;
  /** The items at these keys in one consistent BatchGetItem (again only for any DynamoDB left unread); undefined where absent. */
  async function readTogether(keys: Key[]): Promise<(Key | undefined)[]> {
    const id = (key: Key) => `${key[tableSchema.partitionKey]}|${key[tableSchema.sortKey]}`;
    const found = new Map<string, Key>();
    let unread = keys;
    while (unread.length) {
      const answer = await client.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: unread, ConsistentRead: true } } }));
      for (const item of answer.Responses?.[table] ?? []) found.set(id(item), item);
      unread = answer.UnprocessedKeys?.[table]?.Keys ?? [];
    }
    return keys.map((key) => found.get(id(key)));
  }

  return {
    /** The user item as it is stored (the person's data export). */
    async storedUser(userId: string) {
      return (await users.get({ userId }).go()).data ?? undefined;
    },
    /** The person changes their own name or language. */
    async changeProfile(userId: string, changes: { name?: string; language?: Language }) {
      await users.patch({ userId }).set(changes).go();
    },
    async codesSince(email: string, sinceIso: string): Promise<StoredCode[]> {
      const { data } = await codes.query.byEmail({ email }).go({ order: 'desc', pages: 'all' });
      return data.filter((code) => code.createdAt >= sinceIso);
    },
    async saveCode(code: StoredCode) {
      await codes.create(code).go();
    },
    async countTry(code: StoredCode, max: number) {
      return written(() =>
        codes
          .patch({ email: code.email, codeId: code.codeId })
          .add({ tries: 1 })
          .where(({ tries }, { lt }) => lt(tries, max))
          .go(),
      );
    },
    async useCode(code: StoredCode, at: string) {
      return written(() =>
        codes
          .patch({ email: code.email, codeId: code.codeId })
          .set({ usedAt: at })
          .where(({ usedAt }, { notExists }) => notExists(usedAt))
          .go(),
      );
    },
    async useSignInLimit({ scope, max, windowSeconds }: SignInLimit, nowSeconds: number) {
      const countInWindow = () =>
        limits
          .update({ scope })
          .add({ used: 1 })
          .where(({ used, expiresAt }, { gt, lt }) => `${gt(expiresAt, nowSeconds)} AND ${lt(used, max)}`)
          .go();
      const openWindow = () =>
        limits
          .update({ scope })
          .set({ used: 1, expiresAt: nowSeconds + windowSeconds })
          .where(({ expiresAt }, { notExists, lte }) => `${notExists(expiresAt)} OR ${lte(expiresAt, nowSeconds)}`)
          .go();
      // Count into the live window, else open a new one; losing that race means another request
      // opened it a moment ago, so count into theirs. Whatever fails all three found the window full.
      for (const write of [countInWindow, openWindow, countInWindow]) if (await written(write)) return { used: true } as const;
      const { data } = await limits.get({ scope }).go({ consistent: true });
      return { used: false, retryAfterSeconds: (data?.expiresAt ?? nowSeconds) - nowSeconds } as const;
    },
    async findAccount(email: string): Promise<Account | undefined> {
      const { data: claim } = await emailClaims.get({ email }).go({ consistent: true });
      if (!claim) return undefined;
      const { data: user } = await users.get({ userId: claim.userId }).go({ consistent: true });
      return user && !user.erasedAt ? toAccount(user) : undefined;
    },
    /** Opens an account: user and email claim in one transaction, so an address has one user. */
    async createAccount(email: string, language: Language): Promise<Account> {
      const userId = newId();
      const createdAt = new Date().toISOString();
      const result = await service.transaction
        .write(({ users: user, emailClaims: claim }) => [user.create({ userId, email, language, createdAt }).commit(), claim.create({ email, userId }).commit()])
        .go();
      if (result.canceled) {
        // Someone signed in with the same address at the same moment: theirs is the account.
        const existing = await this.findAccount(email);
        if (existing) return existing;
        throw new Error(`Could not open an account for ${email}`);
      }
      return { userId, email, language };
    },
    async startSession(userId: string, expiresAt: number): Promise<string> {
      const sessionId = newId();
      await sessions.create({ sessionId, userId, createdAt: new Date().toISOString(), expiresAt }).go();
      return sessionId;
    },
    /**
     * Who is signed in: the session, its user and the organisation the cookie names, read together
     * in one consistent BatchGetItem. The user item says which organisation they belong to now;
     * only when that is not the one the cookie names (they joined one since) is it read after.
     * DynamoDB's TTL is late, so an expired session counts as none.
     */
    async signedIn(claims: SessionClaims): Promise<SignedIn | undefined> {
      const named = claims.organisationId ? [keyOf(organisations.get({ organisationId: claims.organisationId }))] : [];
      const [sessionItem, userItem, namedItem] = await readTogether([keyOf(sessions.get({ sessionId: claims.sessionId })), keyOf(users.get({ userId: claims.userId })), ...named]);
      const session = sessionItem && sessions.parse({ Item: sessionItem }).data;
      const user = userItem && users.parse({ Item: userItem }).data;
      if (!session || session.expiresAt <= nowSeconds() || session.userId !== claims.userId || !user || user.erasedAt) return undefined;
      const { organisationId } = user;
      const organisation = !organisationId
        ? null
        : organisationId === claims.organisationId
          ? (namedItem && organisations.parse({ Item: namedItem }).data) || null
          : (await organisations.get({ organisationId }).go({ consistent: true })).data;
      return { user, expiresAt: session.expiresAt, organisation };
    },
    async endSession(sessionId: string) {
      await sessions.delete({ sessionId }).go();
    },
    async sessionsOf(userId: string) {
      const { data } = await sessions.query.byUser({ userId }).go({ pages: 'all' });
      return data.map(({ createdAt, expiresAt }) => ({ createdAt, expiresAt }));
    },
    async codesSentTo(email: string) {
      const { data } = await codes.query.byEmail({ email }).go({ pages: 'all' });
      return data.map(({ createdAt, usedAt }) => ({ createdAt, ...(usedAt ? { usedAt } : {}) }));
    },
    /** Signs the person out everywhere, frees their address and blanks what named them. */
    async anonymise(userId: string, email: string, at: string) {
      const { data: live } = await sessions.query.byUser({ userId }).go({ pages: 'all' });
      if (live.length) await sessions.delete(live.map(({ sessionId }) => ({ sessionId }))).go();
      const { data: sent } = await codes.query.byEmail({ email }).go({ pages: 'all' });
      if (sent.length) await codes.delete(sent.map(({ codeId }) => ({ email, codeId }))).go();
      await limits.delete({ scope: codesToAddress(email).scope }).go();
      await service.transaction
        .write(({ users: user, emailClaims: claim }) => [
          user
            .patch({ userId })
            .set({ email: `erased-${userId}`, erasedAt: at })
            .remove(['name', 'rejectedRegistration'])
            .commit(),
          claim.delete({ email }).commit(),
        ])
        .go();
    },
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
