import type { AlertRunView } from '#shared/alerts.ts';
import { conflictError, notFoundError } from '../errors.ts';
import type { Page, PageRequest } from '../kernel.ts';
import { deliverEvent, type DeliveryPorts } from '../notifications/deliver-event.ts';
import type { OutboxStore } from '../notifications/outbox.ts';
import type { AlertRun, AlertRunStore } from './ports.ts';

export interface DeliveryViewPorts {
  runs: Pick<AlertRunStore, 'run' | 'runs'>;
  outbox: Pick<OutboxStore, 'event'>;
  delivery: DeliveryPorts;
}

/** A run as staff follow it: its counts, and how many emails are still on their way. */
export const alertRunView = (run: AlertRun): AlertRunView => ({
  runId: run.runId,
  kind: run.kind,
  title: run.title,
  ...(run.challengeId ? { challengeId: run.challengeId } : {}),
  startedAt: run.startedAt,
  status: run.status,
  matched: run.matched,
  sent: run.sent,
  suppressed: run.suppressed,
  failed: run.failed,
  pending: run.matched - run.sent - run.suppressed - run.failed,
});

/** The staff delivery view: the alert runs (fan-outs and digests) that started most recently first, with their counts. */
export async function alertRunsPage(page: PageRequest, ports: Pick<DeliveryViewPorts, 'runs'>): Promise<Page<AlertRunView>> {
  const { items, cursor } = await ports.runs.runs(page);
  return { items: items.map(alertRunView), cursor };
}

/**
 * Staff retry a run's failed emails:
 * 1. find the run (404) and refuse one with no failed chunk (409)
 * 2. deliver each failed chunk event again as the outbox re-drive does: the per-recipient key skips
 *    whoever already has the email, so only the refused recipients are tried, and nobody gets it twice;
 *    a chunk delivered meanwhile (a re-drive from the outbox page) is left alone
 * 3. each chunk's new outcome moves the run's counts (and takes it off `failedEvents` once delivered),
 *    in the transaction that marks it; an address refused again stays failed
 * 4. answer the run as it now stands
 */
export async function retryFailedChunks(runId: string, ports: DeliveryViewPorts): Promise<AlertRunView> {
  const run = await ports.runs.run(runId);
  if (!run) throw notFoundError('There is no such alert run.');
  if (!run.failedEvents.length) throw conflictError('Nothing failed in this run: there is nothing to retry.');
  for (const eventId of run.failedEvents) {
    const event = await ports.outbox.event(eventId);
    if (event && event.status !== 'delivered') await deliverEvent(event, ports.delivery);
  }
  return alertRunView((await ports.runs.run(runId)) ?? run);
}
