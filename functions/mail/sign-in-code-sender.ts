import type { SignInPorts } from '../domain/account/sign-in.ts';
import { configuredMailer } from './ses-mailer.ts';
import { renderEmail } from './layout.ts';
import { signInCode } from './templates/sign-in-code.ts';
import { once } from '../once.ts';
import { wiring } from '../wiring.ts';

/**
 * Mails a sign-in code, the one email the API sends itself (the rest goes through the outbox):
 * directly, not through the outbox, since the person is waiting for it right now.
 */
export const signInCodeSender = once((): SignInPorts['sendCode'] => {
  const mailer = configuredMailer(wiring().config);
  return async (to, code, link) => {
    await mailer.send({ ...renderEmail(signInCode.compose({ code, link }, to.language), to.language), to });
  };
});
