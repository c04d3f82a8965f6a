import type { Language } from '#shared/language.ts';

/** Someone an email goes to, in their own language. */
export interface Recipient {
  email: string;
  language: Language;
  name?: string;
  /** What this recipient's email says that others' do not (an alert's reasons); the template checks it. */
  personal?: Record<string, unknown>;
}

/** A rendered email: always an HTML and a plain-text part. */
export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** What a mailer sends: the rendered email plus any extra headers (e.g. List-Unsubscribe). */
export interface OutgoingEmail extends RenderedEmail {
  to: Recipient;
  headers?: Record<string, string>;
}

/** The one way out for email; SES in AWS, aws-ses-v2-local on this machine. */
export interface Mailer {
  /** Throws RecipientRejected when this recipient can never have the email; any other error may pass if retried. */
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
}

/** The mail service refused one recipient for good (a malformed or refused address): retrying the same email cannot help. */
export class RecipientRejected extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'RecipientRejected';
  }
}
