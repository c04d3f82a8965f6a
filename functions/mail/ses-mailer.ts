import { SendRawEmailCommand, SESClient } from '@aws-sdk/client-ses';
import { awsClientSettings } from '../aws-client-settings.ts';
import type { Config } from '../config.ts';
import MailComposer from 'nodemailer/lib/mail-composer';
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

/**
 * Sends through SES's SendRawEmail, so that any header (List-Unsubscribe, List-Unsubscribe-Post)
 * reaches the recipient as set. nodemailer's composer builds the MIME message.
 */
export function createSesMailer(ses: SESClient, from: string, configurationSet?: string): Mailer {
  return {
    async send(email: OutgoingEmail) {
      const to = email.to.name ? { name: email.to.name, address: email.to.email } : email.to.email;
      const raw = await new MailComposer({
        from,
        to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        headers: { 'Content-Language': email.to.language, ...email.headers },
      })
        .compile()
        .build();
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

/** The mailer the configuration names: SES in the function's region (with its configuration set), or the local stand-in at `SES_ENDPOINT`. */
export function configuredMailer(settings: Pick<Config, 'AWS_REGION' | 'SES_ENDPOINT' | 'MAIL_FROM' | 'SES_CONFIGURATION_SET'>): Mailer {
  const ses = new SESClient({ ...awsClientSettings, region: settings.AWS_REGION, ...(settings.SES_ENDPOINT ? { endpoint: settings.SES_ENDPOINT } : {}) });
  return createSesMailer(ses, settings.MAIL_FROM, settings.SES_CONFIGURATION_SET);
}
