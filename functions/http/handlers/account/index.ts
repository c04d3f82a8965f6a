import { defaultLanguage } from '#shared/language.ts';
import { erasePersonalData, exportPersonalData } from '#functions/domain/account/personal-data.ts';
import { meOf } from '#functions/domain/account/profile.ts';
import { alertSettingsOf, saveAlertPreferences } from '#functions/domain/alerts/preferences.ts';
import { mailChoicesOf, saveMailChoices, stopByLink } from '#functions/domain/unsubscribe/mail-choices.ts';
import { requestSignInCode, verifySignIn } from '#functions/domain/account/sign-in.ts';
import { acceptInvitation, declineInvitation, personalInvitations } from '#functions/domain/organisations/personal-invitations.ts';
import { sessionKey } from '#functions/session-key.ts';
import { signInCodeSender } from '#functions/mail/sign-in-code-sender.ts';
import { wiring } from '#functions/wiring.ts';
import { signedInCaller as person } from '#functions/http/caller.ts';
import { createGroupHandler, Reply } from '#functions/http/group-handler.ts';
import { clientAddress } from '#functions/http/client-address.ts';
import { startedSession } from '#functions/http/resolve-caller.ts';
import { clearedSessionCookie } from '#functions/http/session-cookie.ts';

/** Sign-in's ports, with the session key and the code's sender. */
const signInPorts = async () => wiring().signInPorts({ key: await sessionKey(wiring().config), sendCode: signInCodeSender() });

/** Sign-in limits count per device: behind CloudFront (the origin secret is set) its forwarded viewer address. */
const clientOf = (event: Parameters<typeof clientAddress>[0]) => clientAddress(event, Boolean(wiring().config.ORIGIN_SECRET_ARN));

/** Sign-in, sessions, the signed-in person's own account, and what an unsubscribe link changes. */
export const handler = createGroupHandler('account', {
  requestSignInCode: async ({ body, caller, event }) => {
    const language = body.language ?? (caller.kind === 'person' ? caller.language : defaultLanguage);
    await requestSignInCode(body.email, language, clientOf(event), await signInPorts());
    return { message: 'If this address can sign in, a code is on its way.' };
  },
  verifySignIn: async ({ body, event }) => {
    const { sessionId, userId } = await verifySignIn(body, clientOf(event), await signInPorts());
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
    if (body.name !== undefined || body.language !== undefined) await wiring().accounts.changeProfile(me.userId, body);
    return meOf({ ...me, ...body });
  },
  getAlertPreferences: async ({ caller }) => alertSettingsOf(person(caller), wiring().alertPorts),
  saveAlertPreferences: async ({ body, caller }) => saveAlertPreferences(person(caller), body, wiring().alertPorts),
  exportMe: async ({ caller }) => exportPersonalData(person(caller), wiring().personalDataPorts),
  listMyInvitations: async ({ caller }) => personalInvitations(person(caller), wiring().organisationPorts),
  acceptInvitation: async ({ params, caller }) => acceptInvitation(person(caller), params.organisationId, wiring().organisationPorts),
  declineInvitation: async ({ params, caller }) => {
    await declineInvitation(person(caller), params.organisationId, wiring().organisationPorts);
    return undefined;
  },
  eraseMe: async ({ caller }) => {
    await erasePersonalData(person(caller), wiring().personalDataPorts);
    return new Reply(undefined, { cookies: [clearedSessionCookie(wiring().config.SITE_URL)] });
  },
  getMailChoices: async ({ params }) => mailChoicesOf(params.token, wiring().unsubscribePorts),
  saveMailChoices: async ({ params, body }) => saveMailChoices(params.token, body, wiring().unsubscribePorts),
  unsubscribeOneClick: async ({ params }) => stopByLink(params.token, wiring().unsubscribePorts),
});
