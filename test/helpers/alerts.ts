import { ulid } from 'ulid';
import type { AlertPreferences } from '#shared/alerts.ts';
import { chunkEventId, firstStep } from '#functions/data/alert-run-store.ts';
import { challengeAlertRun } from '#functions/domain/alerts/alert-runs.ts';
import type { AlertChunk } from '#functions/domain/alerts/ports.ts';
import type { StoredChallenge } from '#functions/domain/challenges/ports.ts';
import { wiring } from '#functions/wiring.ts';
import { uniqueEmail } from './api.ts';
import { storedUsers } from './stored-items.ts';

/** Preferences that hear of every challenge at once, in English. */
export const everything: AlertPreferences = { disciplines: [], sectors: [], types: [], funding: [], minBudgetCents: null, municipalities: [], language: 'en', frequency: 'immediately' };

/**
 * A person written straight to the table (a member of `organisationId`, if given) with these alert
 * preferences saved through the alert store, as the account page saves them: for tests that need
 * hundreds of subscribers without signing each in.
 */
export async function subscriber(who: string, preferences: Partial<AlertPreferences>, organisationId?: string) {
  const userId = ulid();
  const email = uniqueEmail(who);
  await storedUsers()
    .put({ userId, email, language: 'en', createdAt: new Date().toISOString(), ...(organisationId ? { organisationId, role: 'member' as const } : {}) })
    .go();
  const saved = await wiring().alertPorts.alerts.save({ userId, email, ...(organisationId ? { organisationId } : {}) }, { ...everything, ...preferences }, 0, new Date().toISOString());
  if (!saved) throw new Error(`Saving the alert preferences of ${email} failed`);
  return { userId, email };
}

/**
 * A challenge's alert run with one chunk of alerts to `emails`, written by the run store as a step
 * writes it, then marked failed for `refused` through the outbox store as the dispatcher marks it:
 * for tests that need a run to retry without a stream or an SES that refuses anyone.
 */
export async function runWithFailedChunk(challenge: StoredChallenge, emails: string[], refused: string) {
  const at = new Date().toISOString();
  const run = challengeAlertRun(challenge, at);
  const { alertRuns, outbox } = wiring();
  if (!(await alertRuns.start(run))) throw new Error(`Starting alert run ${run.runId} failed`);
  const step = firstStep(run);
  const chunk: AlertChunk = {
    type: 'challenge.alert',
    recipients: emails.map((email) => ({ email, language: 'en' as const, personal: { matches: [{ challenge: 0, reasons: [{ kind: 'anything' }] }] } })),
    data: { run: run.runId, title: run.title, challenges: run.challenges },
  };
  if (!(await alertRuns.completeStep(step, chunk, undefined, at))) throw new Error(`Writing the chunk of ${run.runId} failed`);
  const event = (await outbox.event(chunkEventId(step)))!;
  await outbox.markFailed(event, 'The mail service refused 1 recipient', [{ email: refused, reason: 'MessageRejected: Email address is not verified.' }]);
  return run.runId;
}
