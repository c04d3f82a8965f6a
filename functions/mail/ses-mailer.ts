import { SendRawEmailCommand, SESClient } from '@aws-sdk/client-ses';
import { awsClientSettings } from '../aws-client-settings.ts';
import type { Config } from '../config.ts';
import MailComposer from 'nodemailer/lib/mail-composer';
import pThrottle from 'p-throttle';
import { RecipientRejected, type Mailer, type OutgoingEmail } from './message.ts';

/**
 * SES errors that refuse this one message's recipient for good: the address is malformed
 * (InvalidParameterValue) or refused (MessageRejected, e.g. unverified while in the sandbox).
 * Everything else concerns the account or the moment, not the recipient (Throttling,
 * AccountSendingPausedException, ConfigurationSetSendingPausedException,
 * MailFromDomainNotVerifiedException, a network failure): those are thrown as they are, so the
 * whole event is retried and no one is skipped.
 */
const refusedForGood = new Set(['MessageRejected', 'InvalidParameterValue']);

/** The MIME message of one email, headers and all, as SendRawEmail takes it; nodemailer's composer builds it. */
export async function composeMime(email: OutgoingEmail, from: string): Promise<Buffer> {
  const to = email.to.name ? { name: email.to.name, address: email.to.email } : email.to.email;
  return new MailComposer({
    from,
    to,
    subject: email.subject,
    text: email.text,
    html: email.html,
    headers: { 'Content-Language': email.to.language, ...email.headers },
  })
    .compile()
    .build();
}

/**
 * Sends through SES's SendRawEmail, so that any header (List-Unsubscribe, List-Unsubscribe-Post)
 * reaches the recipient as set.
 */
export function createSesMailer(ses: SESClient, from: string, configurationSet?: string): Mailer {
  return {
    async send(email: OutgoingEmail) {
      const raw = await composeMime(email, from);
      try {
        const answer = await ses.send(new SendRawEmailCommand({ RawMessage: { Data: raw }, ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}) }));
        return { messageId: answer.MessageId ?? '' };
      } catch (error) {
        if (error instanceof Error && refusedForGood.has(error.name)) throw new RecipientRejected(`${error.name}: ${error.message}`);
        throw error;
      }
    },
  };
}

/**
 * A mailer that hands at most `perSecond` emails a second to the one below, so that a fan-out of
 * thousands keeps to the account's sending rate instead of being throttled.
 */
export function pacedMailer(mailer: Mailer, perSecond: number): Mailer {
  // A window of a second holds `perSecond` sends; under 1 per second, one send per 1/rate seconds.
  const limit = Math.max(1, Math.floor(perSecond));
  const send = pThrottle({ limit, interval: Math.round((limit / perSecond) * 1000) })((email: OutgoingEmail) => mailer.send(email));
  return { send };
}

/**
 * The mailer the configuration names: SES in the function's region, or the local stand-in at
 * `SES_ENDPOINT`, with its configuration set in AWS, paced to `SES_MAX_SEND_RATE`. Should SES still throttle (another sender shares the
 * account), the SDK's adaptive retry backs off and slows its own rate before the error reaches the outbox.
 */
export function configuredMailer(settings: Pick<Config, 'AWS_REGION' | 'SES_ENDPOINT' | 'MAIL_FROM' | 'SES_MAX_SEND_RATE' | 'SES_CONFIGURATION_SET'>): Mailer {
  const ses = new SESClient({
    ...awsClientSettings,
    retryMode: 'adaptive',
    maxAttempts: 6,
    region: settings.AWS_REGION,
    ...(settings.SES_ENDPOINT ? { endpoint: settings.SES_ENDPOINT } : {}),
  });
  return pacedMailer(createSesMailer(ses, settings.MAIL_FROM, settings.SES_CONFIGURATION_SET), settings.SES_MAX_SEND_RATE);
}
