import { defaultLanguage } from '#shared/language.ts';
import { erasePersonalData, exportPersonalData, type PersonalDataPorts } from '#functions/domain/account/personal-data.ts';
import { meOf } from '#functions/domain/account/profile.ts';
import { requestSignInCode, verifySignIn } from '#functions/domain/account/sign-in.ts';
import { acceptInvitation, declineInvitation, personalInvitations } from '#functions/domain/organisations/personal-invitations.ts';
import { sessionKey } from '#functions/session-key.ts';
import { signInMailer, signInPorts } from '#functions/sign-in-wiring.ts';
import { wiring } from '#functions/wiring.ts';
import { signedInCaller as person } from '#functions/http/caller.ts';
import { createGroupHandler, Reply } from '#functions/http/group-handler.ts';
import { clientAddress } from '#functions/http/client-address.ts';
import { startedSession } from '#functions/http/resolve-caller.ts';
import { clearedSessionCookie } from '#functions/http/session-cookie.ts';


function personalDataPorts(): PersonalDataPorts {
  const { accounts, organisations, outbox, organisationPorts } = wiring();
  return {
    user: async (userId) => (await accounts.users.get({ userId }).go()).data ?? undefined,
    sessions: accounts.sessionsOf,
    signInCodes: accounts.codesSentTo,
    organisation: async (organisationId) => (await organisations.get({ organisationId }).go()).data ?? undefined,
    anonymise: accounts.anonymise,
    scrubOutbox: outbox.scrubRecipient,
    forgetInvitations: async (email) => {
      for (const { organisationId } of await organisationPorts.store.invitationsFor(email)) await organisationPorts.store.decline(email, organisationId);
    },
    now: () => new Date(),
  };
}

/** Sign-in limits count per device: behind CloudFront (the origin secret is set) its forwarded viewer address. */
const clientOf = (event: Parameters<typeof clientAddress>[0]) =>
  clientAddress(event, Boolean(wiring().config.ORIGIN_SECRET_ARN));

/** Sign-in, sessions and the signed-in person's own account. */
export const handler = createGroupHandler('account', {
  requestSignInCode: async ({ body, caller, event }) => {
    const wired = wiring();
    const language = body.language ?? (caller.kind === 'person' ? caller.language : defaultLanguage);
    await requestSignInCode(body.email, language, clientOf(event), signInPorts(wired, signInMailer(), await sessionKey(wired.config)));
    return { message: 'If this address can sign in, a code is on its way.' };
  },
  verifySignIn: async ({ body, event }) => {
    const wired = wiring();
    const { sessionId, userId } = await verifySignIn(body, clientOf(event), signInPorts(wired, signInMailer(), await sessionKey(wired.config)));
    const { caller, cookie } = await startedSession(sessionId, userId);
    return new Reply(meOf(caller), { cookies: [cookie] });
  },
  signOut: async ({ caller }) => {
    await wiring().accounts.endSession(person(caller).sessionId);
    return new Reply(undefined, { cookies: [clearedSessionCookie(wiring().config.SITE_URL)] });
  },
  getMe: async ({ caller }) => meOf(person(caller)),
  getSession: async ({ caller }) => ({ me: caller.kind === 'person' ? meOf(caller) : null }),
  updateMe: async ({ body, caller }) => {
    const me = person(caller);
    if (body.name !== undefined || body.language !== undefined) await wiring().accounts.users.patch({ userId: me.userId }).set(body).go();
    return meOf({ ...me, ...body });
  },
  exportMe: async ({ caller }) => exportPersonalData(person(caller), personalDataPorts()),
  listMyInvitations: async ({ caller }) => personalInvitations(person(caller), wiring().organisationPorts),
  acceptInvitation: async ({ params, caller }) => acceptInvitation(person(caller), params.organisationId, wiring().organisationPorts),
  declineInvitation: async ({ params, caller }) => {
    await declineInvitation(person(caller), params.organisationId, wiring().organisationPorts);
    return undefined;
  },
  eraseMe: async ({ caller }) => {
    await erasePersonalData(person(caller), personalDataPorts());
    return new Reply(undefined, { cookies: [clearedSessionCookie(wiring().config.SITE_URL)] });
  },
});
