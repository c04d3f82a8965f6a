import type { OutboxEventView } from '#shared/outbox.ts';
import { conflictError, notFoundError } from '../errors.ts';
import type { Page, PageRequest } from '../kernel.ts';
import { deliverEvent, type DeliveryPorts, type PendingEvent, type Rejection } from './deliver-event.ts';

export type OutboxStatus = 'pending' | 'delivered' | 'failed';

export interface StoredOutboxEvent extends PendingEvent {
  status: OutboxStatus;
  createdAt: string;
  deliveredAt?: string;
  failure?: string;
  rejected?: Rejection[];
  suppressed?: string[];
  expiresAt?: number;
}

/** The stored side of the outbox, as staff look after it. */
export interface OutboxStore {
  event(eventId: string): Promise<StoredOutboxEvent | undefined>;
  byStatus(status: Exclude<OutboxStatus, 'delivered'>, page: PageRequest): Promise<Page<StoredOutboxEvent>>;
}

export interface OutboxPorts {
  outbox: OutboxStore;
  delivery: DeliveryPorts;
}

const outboxEventView = (event: StoredOutboxEvent): OutboxEventView => ({
  id: event.eventId,
  type: event.type,
  status: event.status,
  createdAt: event.createdAt,
  ...(event.deliveredAt ? { deliveredAt: event.deliveredAt } : {}),
  recipientCount: event.recipients.length,
  ...(event.failure ? { failure: event.failure } : {}),
  rejected: event.rejected ?? [],
  suppressedCount: event.suppressed?.length ?? 0,
});

/** The events still waiting for their emails (their retries ran out) or set aside as failed, oldest first. */
export async function undeliveredEvents(status: Exclude<OutboxStatus, 'delivered'>, page: PageRequest, ports: OutboxPorts): Promise<Page<OutboxEventView>> {
  const { items, cursor } = await ports.outbox.byStatus(status, page);
  return { items: items.map(outboxEventView), cursor };
}

/**
 * Staff (or `npm run redrive`) deliver an event again:
 * 1. find it (404) and refuse one that is delivered already (409)
 * 2. deliver it as the dispatcher does: the per-recipient key skips whoever already has the email,
 *    so only what is missing goes out, and nothing twice; an address refused again is recorded again
 * 3. answer the event as it now stands
 */
export async function redriveEvent(eventId: string, ports: OutboxPorts): Promise<OutboxEventView> {
  const event = await ports.outbox.event(eventId);
  if (!event) throw notFoundError('There is no such outbox event.');
  if (event.status === 'delivered') throw conflictError('This event is delivered already: every recipient has its email.');
  await deliverEvent(event, ports.delivery);
  return outboxEventView((await ports.outbox.event(eventId)) ?? event);
}
