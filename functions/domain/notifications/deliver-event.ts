import type { Language } from '#shared/language.ts';
import type { UnsubscribeKind } from '#shared/unsubscribe.ts';
import { renderEmail } from '#functions/mail/layout.ts';
import { unsubscribeParts } from '#functions/mail/list-unsubscribe.ts';
import { RecipientRejected, type OutgoingEmail, type Recipient } from '#functions/mail/message.ts';
import type { MailTemplate } from '#functions/mail/templates/template.ts';

/** An outbox event as the dispatcher reads it from the stream. */
export interface PendingEvent {
  eventId: string;
  type: string;
  recipients: Recipient[];
  data: unknown;
  /** The alert run this event is a chunk of, whose counts its outcome adds to. */
  run?: string;
}

/** A recipient the mail service refused for good, and why. */
export interface Rejection {
  email: string;
  reason: string;
}

export interface DeliveryPorts {
  templates: ReadonlyMap<string, MailTemplate>;
  /**
   * Sends the email unless one was sent already under this key; throws RecipientRejected when the
   * mail service refuses this recipient for good, and anything else while mail cannot go out.
   */
  sendOnce(key: string, email: OutgoingEmail): Promise<void>;
  /** Remembers whom the event is addressed to, so that erasure can find it by address. */
  noteRecipients(event: PendingEvent): Promise<void>;
  /** Which of these addresses are on the suppression list (lower-cased): they bounced for good or complained. */
  suppressedAmong(emails: string[]): Promise<Set<string>>;
  /** Records on the event the recipients skipped because they are suppressed, for staff to see. */
  noteSuppressed(event: PendingEvent, emails: string[]): Promise<void>;
  /** Every recipient has the email: the event is kept a while, then expires. */
  markDelivered(event: PendingEvent): Promise<void>;
  /** An event that no retry can deliver (or only to some) is set aside for staff, so it never blocks the ones behind it. */
  markFailed(event: PendingEvent, reason: string, rejected?: Rejection[]): Promise<void>;
  siteUrl: string;
  /** Those of these addresses (lower-cased) that stopped this kind of email through its link. */
  optedOutAmong(emails: readonly string[], kind: UnsubscribeKind): Promise<Set<string>>;
  /** The signed token of the recipient's link that changes or stops this kind of email. */
  unsubscribeToken(email: string, kind: UnsubscribeKind): Promise<string>;
}

export type DeliveryOutcome = 'delivered' | 'failed';

/**
 * Delivers one outbox event:
 * 1. find the event's template and check its data, and each recipient's own data if it has any
 *    (no template or bad data: set aside as failed)
 * 2. note its recipients, so that erasure can find the event by address; those on the suppression
 *    list are noted on the event and skipped from here on (not sent, not a failure)
 * 3. render one email per recipient, in the recipient's language; a non-transactional one skips who
 *    stopped its kind (not a failure) and carries the recipient's unsubscribe link and headers
 * 4. send each once: the key names event and recipient, so a retried or re-driven event skips who
 *    already has it; a recipient the mail service refuses for good is recorded and skipped, while
 *    any other failure stops here and the whole event is retried
 * 5. mark the event delivered, or, if anyone was refused, failed with who and why (staff re-drive it)
 */
export async function deliverEvent(event: PendingEvent, ports: DeliveryPorts): Promise<DeliveryOutcome> {
  const template = ports.templates.get(event.type);
  if (!template) {
    await ports.markFailed(event, `No mail template for event type ${event.type}`);
    return 'failed';
  }
  const data = template.data.safeParse(event.data);
  if (!data.success) {
    await ports.markFailed(event, `Event data does not fit template ${event.type}: ${data.error.message}`);
    return 'failed';
  }
  const unfit = template.personal && event.recipients.find((recipient) => !template.personal?.safeParse(recipient.personal).success);
  if (unfit) {
    await ports.markFailed(event, `The personal data for ${unfit.email} does not fit template ${event.type}`);
    return 'failed';
  }
  await ports.noteRecipients(event);
  const suppressed = await ports.suppressedAmong(event.recipients.map(({ email }) => email));
  if (suppressed.size) await ports.noteSuppressed(event, [...suppressed]);
  const kind = template.unsubscribe;
  const optedOut = kind
    ? await ports.optedOutAmong(
        event.recipients.map(({ email }) => email),
        kind,
      )
    : new Set<string>();
  const rejected: Rejection[] = [];
  for (const recipient of event.recipients) {
    if (suppressed.has(recipient.email.toLowerCase()) || optedOut.has(recipient.email.toLowerCase())) continue;
    const language: Language = recipient.language;
    const content = template.compose(data.data, language, { siteUrl: ports.siteUrl }, template.personal ? template.personal.parse(recipient.personal) : undefined);
    const unsubscribe = kind && unsubscribeParts(ports.siteUrl, language, await ports.unsubscribeToken(recipient.email, kind));
    try {
      await ports.sendOnce(`${event.eventId}#${recipient.email.toLowerCase()}`, {
        ...renderEmail(content, language, unsubscribe?.layout),
        to: recipient,
        ...(unsubscribe && { headers: unsubscribe.headers }),
      });
    } catch (error) {
      if (!(error instanceof RecipientRejected)) throw error;
      rejected.push({ email: recipient.email, reason: error.reason });
    }
  }
  if (rejected.length) {
    await ports.markFailed(event, `The mail service refused ${rejected.length} of ${event.recipients.length} recipients`, rejected);
    return 'failed';
  }
  await ports.markDelivered(event);
  return 'delivered';
}
