import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createConversions, Service } from 'electrodb';
import type { PendingEvent, Rejection } from '../domain/notifications/deliver-event.ts';
import type { OutboxStore } from '../domain/notifications/outbox.ts';
import { alertRunEntity } from './alert-run.entity.ts';
import { outboxEventEntity } from './outbox-event.entity.ts';
import { outboxRecipientEntity } from './outbox-recipient.entity.ts';
import { checkedCursor, pageOf } from './pages.ts';

/** How long a delivered event, and the note of whom it went to, is kept: enough to answer "did it go out?", no longer. */
export const DELIVERED_EVENT_DAYS = 30;

/** What erasure leaves where a person's address or name was. */
const ERASED = '[erased]';

const literally = (text: string) => new RegExp(text.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');

/** A copy of `value` with the address and the full name blanked wherever they occur in a string. */
function blanked(value: unknown, email: string, name?: string): unknown {
  if (typeof value === 'string') {
    const withoutAddress = value.replace(literally(email), ERASED);
    return name ? withoutAddress.replace(literally(name), ERASED) : withoutAddress;
  }
  if (Array.isArray(value)) return value.map((item) => blanked(item, email, name));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, blanked(item, email, name)]));
  return value;
}

/** The stored side of the outbox: delivery's bookkeeping, the staff lists and erasure's scrub. */
export function createOutboxStore(client: DynamoDBDocumentClient, table: string) {
  const events = outboxEventEntity(client, table);
  const recipients = outboxRecipientEntity(client, table);
  const runs = alertRunEntity(client, table);
  const service = new Service({ events, runs }, { client, table });

  /**
   * Marks an alert run's chunk event and adds the change of its outcome to the run's counts, in one
   * transaction conditional on the tally the event had when read: a second marking (a re-drive
   * racing the stream) fails instead of counting twice, and is retried from the event as it then is.
   */
  const markChunk = async (event: PendingEvent & { run: string }, status: 'delivered' | 'failed', changes: Record<string, unknown>, rejected: Rejection[]) => {
    const { data: stored } = await events.get({ eventId: event.eventId }).go({ consistent: true });
    if (!stored) return;
    const before = stored.tally ?? { sent: 0, suppressed: 0, failed: 0 };
    // A failure that names nobody (no template, bad data) holds back every recipient's email.
    const refused = status === 'failed' && !rejected.length ? stored.recipients.length : rejected.length;
    // Those on the suppression list were noted on the event before any was sent, and got nothing.
    const suppressed = refused === stored.recipients.length ? 0 : (stored.suppressed?.length ?? 0);
    const tally = { sent: stored.recipients.length - refused - suppressed, suppressed, failed: refused };
    const tallied = stored.tallied ?? 0;
    const result = await service.transaction
      .write(({ events: eventItems, runs: runItems }) => [
        eventItems
          .patch({ eventId: event.eventId })
          .set({ ...changes, status, tally, tallied: tallied + 1 })
          .remove(status === 'delivered' ? ['failure', 'rejected'] : [])
          .where((attributes, { eq, notExists }) => (stored.tallied === undefined ? notExists(attributes.tallied) : eq(attributes.tallied, tallied)))
          .commit(),
        (status === 'failed'
          ? runItems
              .patch({ runId: event.run })
              .add({ sent: tally.sent - before.sent, suppressed: tally.suppressed - before.suppressed, failed: tally.failed - before.failed, failedEvents: [event.eventId] })
          : runItems
              .patch({ runId: event.run })
              .add({ sent: tally.sent - before.sent, suppressed: tally.suppressed - before.suppressed, failed: tally.failed - before.failed })
              .delete({ failedEvents: [event.eventId] })
        ).commit(),
      ])
      .go();
    if (result.canceled) throw new Error(`Marking alert chunk ${event.eventId} ${status} lost a race; it is retried`);
  };

  /** One item per recipient address (lower-cased, as sign-in keeps addresses), expiring with the event once it is delivered. */
  const noteRecipients = async (event: PendingEvent, expiresAt?: number) => {
    const emails = [...new Set(event.recipients.map(({ email }) => email.toLowerCase()))];
    if (emails.length) await recipients.put(emails.map((email) => ({ email, eventId: event.eventId, ...(expiresAt ? { expiresAt } : {}) }))).go();
  };

  return {
    /** The outbox event a stream record's new image holds, if it is one. */
    eventIn(image: Record<string, unknown>) {
      return events.parse({ Item: image }).data ?? undefined;
    },

    async event(eventId: string) {
      const { data } = await events.get({ eventId }).go({ consistent: true });
      return data ?? undefined;
    },

    async byStatus(status, page) {
      const cursor = checkedCursor(page.cursor, events.query.byStatus({ status }));
      return pageOf(
        async (options) => {
          const { data, cursor: next } = await events.query.byStatus({ status }).go(options);
          return { data, cursor: next };
        },
        createConversions(events).byAccessPattern.byStatus.fromComposite.toCursor,
        { ...page, cursor },
      );
    },

    noteRecipients: (event: PendingEvent) => noteRecipients(event),

    async noteSuppressed(event: PendingEvent, emails: string[]) {
      await events.patch({ eventId: event.eventId }).set({ suppressed: emails }).go();
    },

    async markDelivered(event: PendingEvent) {
      const now = new Date();
      const expiresAt = Math.floor(now.getTime() / 1000) + DELIVERED_EVENT_DAYS * 24 * 60 * 60;
      await noteRecipients(event, expiresAt);
      if (event.run) return markChunk({ ...event, run: event.run }, 'delivered', { deliveredAt: now.toISOString(), expiresAt }, []);
      await events.patch({ eventId: event.eventId }).set({ status: 'delivered', deliveredAt: now.toISOString(), expiresAt }).remove(['failure', 'rejected']).go();
    },

    async markFailed(event: PendingEvent, reason: string, rejected: Rejection[] = []) {
      if (event.run) return markChunk({ ...event, run: event.run }, 'failed', { failure: reason, rejected }, rejected);
      await events.patch({ eventId: event.eventId }).set({ status: 'failed', failure: reason, rejected }).go();
    },

    /**
     * Erasure: every event addressed to this person loses them as a recipient (a pending one is then
     * never sent to them) and every mention of their address, or their name, in its data; then the
     * notes that pointed to those events go too.
     */
    async scrubRecipient(email: string, name?: string) {
      const address = email.toLowerCase();
      const { data: notes } = await recipients.query.byRecipient({ email: address }).go({ pages: 'all' });
      for (const { eventId } of notes) {
        const { data: event } = await events.get({ eventId }).go({ consistent: true });
        if (!event) continue;
        const kept = event.recipients.filter((recipient) => recipient.email.toLowerCase() !== address);
        await events
          .patch({ eventId })
          .set({
            recipients: blanked(kept, address, name) as typeof kept,
            data: blanked(event.data, address, name),
            ...(event.rejected ? { rejected: event.rejected.filter((rejection) => rejection.email.toLowerCase() !== address) } : {}),
            ...(event.suppressed ? { suppressed: event.suppressed.filter((suppressed) => suppressed !== address) } : {}),
          })
          .go();
      }
      if (notes.length) await recipients.delete(notes.map(({ eventId }) => ({ email: address, eventId }))).go();
    },
  } satisfies OutboxStore & Record<string, unknown>;
}

export type OutboxEventStore = ReturnType<typeof createOutboxStore>;
