import type { SignInPorts } from '../domain/account/sign-in.ts';
import { logger } from '../logger.ts';
import { configuredMailer } from './ses-mailer.ts';
import { renderEmail } from './layout.ts';
import { signInCode } from './templates/sign-in-code.ts';
import { once } from '../once.ts';
import { wiring } from '../wiring.ts';

/**
 * Mails a sign-in code, the one email the API sends itself (the rest goes through the outbox):
 * directly, not through the outbox, since the person is waiting for it right now. Never to an
 * address on the suppression list; the API answers the same either way, so nobody learns it is.
 */
export const signInCodeSender = once((): SignInPorts['sendCode'] => {
  const { config, suppressions } = wiring();
  const mailer = configuredMailer(config);
  return async (to, code, link) => {
    if ((await suppressions.suppressedAmong([to.email])).size) {
      logger.info('No sign-in code sent: the address is on the suppression list');
      return;
    }
    await mailer.send({ ...renderEmail(signInCode.compose({ code, link }, to.language), to.language), to });
  };
});
