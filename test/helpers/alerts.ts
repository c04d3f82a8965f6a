import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import type { AlertPreferences } from '#shared/alerts.ts';
import { alertPreferencesEntity } from '#functions/data/alert-preferences.entity.ts';
import { subscriptionsOf } from '#functions/data/alert-store.ts';
import { emailClaimEntity } from '#functions/data/email-claim.entity.ts';
import { alertSubscriptionEntity } from '#functions/data/alert-subscription.entity.ts';
import { userEntity } from '#functions/data/user.entity.ts';
import { chunkEventId, firstStep } from '#functions/data/alert-run-store.ts';
import { challengeAlertRun } from '#functions/domain/alerts/alert-runs.ts';
import type { AlertChunk } from '#functions/domain/alerts/ports.ts';
import type { StoredChallenge } from '#functions/domain/challenges/ports.ts';
import { wiring } from '#functions/wiring.ts';
import { uniqueEmail } from './api.ts';
import { storedUsers } from './stored-items.ts';

/** Preferences that hear of every challenge at once, in English. */
export const everything: AlertPreferences = {
  disciplines: [],
  sectors: [],
  types: [],
  funding: [],
  minBudgetCents: null,
  municipalities: [],
  language: 'en',
  frequency: 'immediately',
};

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
  const saved = await wiring().alertPorts.alerts.save(
    { userId, email, ...(organisationId ? { organisationId } : {}) },
    { ...everything, ...preferences },
    0,
    new Date().toISOString(),
  );
  if (!saved) throw new Error(`Saving the alert preferences of ${email} failed`);
  return { userId, email };
}

/** One subscriber to write in bulk: the person, their organisation (if any) and what they chose. */
export interface BulkSubscriber {
  userId: string;
  email: string;
  organisationId?: string;
  preferences: AlertPreferences;
}

/**
 * Writes thousands of people (their accounts and addresses) with their saved preferences and the subscription items that follow
 * from them, as the alert store's save would, but in batches of 25: seeding 2,000 or 10,000
 * subscribers one transaction each would take minutes on DynamoDB Local.
 */
export async function writeSubscribers(client: DynamoDBDocumentClient, table: string, people: readonly BulkSubscriber[]) {
  const at = new Date().toISOString();
  const all = async ({ unprocessed }: { unprocessed: unknown[] }) => {
    if (unprocessed.length) throw new Error(`DynamoDB left ${unprocessed.length} subscriber items unwritten`);
  };
  await userEntity(client, table)
    .put(
      people.map(({ userId, email, organisationId }) => ({
        userId,
        email,
        language: 'en' as const,
        createdAt: at,
        ...(organisationId ? { organisationId, role: 'member' as const } : {}),
      })),
    )
    .go()
    .then(all);
  await emailClaimEntity(client, table)
    .put(people.map(({ userId, email }) => ({ userId, email })))
    .go()
    .then(all);
  await alertPreferencesEntity(client, table)
    .put(
      people.map(({ userId, preferences: { minBudgetCents, ...rest } }) => ({ userId, ...rest, ...(minBudgetCents === null ? {} : { minBudgetCents }), version: 1, savedAt: at })),
    )
    .go()
    .then(all);
  const subscriptions = people.flatMap(({ userId, email, organisationId, preferences }) =>
    subscriptionsOf({ userId, email, ...(organisationId ? { organisationId } : {}) }, preferences),
  );
  await alertSubscriptionEntity(client, table).put(subscriptions).go().then(all);
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
    data: { run: run.runId, challenges: run.challenges },
  };
  if (!(await alertRuns.completeStep(step, chunk, undefined, at))) throw new Error(`Writing the chunk of ${run.runId} failed`);
  const event = (await outbox.event(chunkEventId(step)))!;
  await outbox.markFailed(event, 'The mail service refused 1 recipient', [{ email: refused, reason: 'MessageRejected: Email address is not verified.' }]);
  return run.runId;
}
