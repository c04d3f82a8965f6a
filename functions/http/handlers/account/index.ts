import { defaultLanguage } from '#shared/language.ts';
import { erasePersonalData, exportPersonalData, type PersonalDataPorts } from '../../../domain/account/personal-data.ts';
import { meOf } from '../../../domain/account/profile.ts';
import { requestSignInCode, verifySignIn } from '../../../domain/account/sign-in.ts';
import { sessionKey } from '../../../session-key.ts';
import { signInPorts } from '../../../sign-in-wiring.ts';
import { wiring } from '../../../wiring.ts';
import { signedInCaller as person } from '../../caller.ts';
import { createGroupHandler, Reply } from '../../group-handler.ts';
import { callerOfSession } from '../../resolve-caller.ts';
import { clearedSessionCookie, sessionCookie, sessionToken } from '../../session-cookie.ts';


function personalDataPorts(): PersonalDataPorts {
  const { accounts, organisations } = wiring();
  return {
    user: async (userId) => (await accounts.users.get({ userId }).go()).data ?? undefined,
    sessions: accounts.sessionsOf,
    signInCodes: accounts.codesSentTo,
    organisation: async (organisationId) => (await organisations.get({ organisationId }).go()).data ?? undefined,
    anonymise: accounts.anonymise,
    now: () => new Date(),
  };
}

/** Sign-in, sessions and the signed-in person's own account. */
export const handler = createGroupHandler('account', {
  requestSignInCode: async ({ body, caller }) => {
    const wired = wiring();
    const language = body.language ?? (caller.kind === 'person' ? caller.language : defaultLanguage);
    await requestSignInCode(body.email, language, signInPorts(wired, await sessionKey(wired.config)));
    return { message: 'If this address can sign in, a code is on its way.' };
  },
  verifySignIn: async ({ body }) => {
    const wired = wiring();
    const key = await sessionKey(wired.config);
    const { sessionId } = await verifySignIn(body, signInPorts(wired, key));
    const me = meOf(person(await callerOfSession(sessionId)));
    return new Reply(me, { cookies: [sessionCookie(await sessionToken(sessionId, key), wired.config.SITE_URL)] });
  },
  signOut: async ({ caller }) => {
    await wiring().accounts.endSession(person(caller).sessionId);
    return new Reply(undefined, { cookies: [clearedSessionCookie(wiring().config.SITE_URL)] });
  },
  getMe: async ({ caller }) => meOf(person(caller)),
  getSession: async ({ caller }) => ({ me: caller.kind === 'person' ? meOf(caller) : null }),
  updateMe: async ({ body, caller }) => {
    const { sessionId, userId } = person(caller);
    if (body.name !== undefined || body.language !== undefined) await wiring().accounts.users.patch({ userId }).set(body).go();
    return meOf(person(await callerOfSession(sessionId)));
  },
  exportMe: async ({ caller }) => exportPersonalData(person(caller), personalDataPorts()),
  eraseMe: async ({ caller }) => {
    await erasePersonalData(person(caller), personalDataPorts());
    return new Reply(undefined, { cookies: [clearedSessionCookie(wiring().config.SITE_URL)] });
  },
});
