import type { Language } from '#shared/language.ts';
import { renderEmail } from '../../mail/layout.ts';
import type { OutgoingEmail, Recipient } from '../../mail/message.ts';
import type { MailTemplate } from '../../mail/templates/template.ts';

/** An outbox event as the dispatcher reads it from the stream. */
export interface PendingEvent {
  eventId: string;
  type: string;
  recipients: Recipient[];
  data: unknown;
}

export interface DeliveryPorts {
  templates: ReadonlyMap<string, MailTemplate>;
  /** Sends the email unless one was sent already under this key; throws while mail cannot go out. */
  sendOnce(key: string, email: OutgoingEmail): Promise<void>;
  markDelivered(eventId: string): Promise<void>;
  /** An event that no retry can deliver is set aside, so it never blocks the ones behind it. */
  markFailed(eventId: string, reason: string): Promise<void>;
  siteUrl: string;
}

export type DeliveryOutcome = 'delivered' | 'failed';

/**
 * Delivers one outbox event:
 * 1. find the event's template and check its data (no template or bad data: set aside as failed)
 * 2. render one email per recipient, in the recipient's language
 * 3. send each once: the key names event and recipient, so a retried event skips who already has it
 * 4. mark the event delivered
 */
export async function deliverEvent(event: PendingEvent, ports: DeliveryPorts): Promise<DeliveryOutcome> {
  const template = ports.templates.get(event.type);
  if (!template) {
    await ports.markFailed(event.eventId, `No mail template for event type ${event.type}`);
    return 'failed';
  }
  const data = template.data.safeParse(event.data);
  if (!data.success) {
    await ports.markFailed(event.eventId, `Event data does not fit template ${event.type}: ${data.error.message}`);
    return 'failed';
  }
  for (const recipient of event.recipients) {
    const language: Language = recipient.language;
    const content = template.compose(data.data, language, { siteUrl: ports.siteUrl });
    await ports.sendOnce(`${event.eventId}#${recipient.email.toLowerCase()}`, { ...renderEmail(content, language), to: recipient });
  }
  await ports.markDelivered(event.eventId);
  return 'delivered';
}
