import { SendRawEmailCommand, type SESClient } from '@aws-sdk/client-ses';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Mailer, OutgoingEmail } from './message.ts';

/**
 * Sends through SES's SendRawEmail, so that any header (List-Unsubscribe, List-Unsubscribe-Post)
 * reaches the recipient as set. nodemailer's composer builds the MIME message.
 */
export function createSesMailer(ses: SESClient, from: string): Mailer {
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
      const answer = await ses.send(new SendRawEmailCommand({ RawMessage: { Data: raw } }));
      return { messageId: answer.MessageId ?? '' };
    },
  };
}
