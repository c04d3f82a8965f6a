import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createConversions, Service, type Entity, type TransactWriteEntity } from 'electrodb';
import type { AlertedChallenge } from '#shared/alerts.ts';
import type { AlertAudience, AlertRun, AlertRunStore, AlertStep, NewAlertRun } from '../domain/alerts/ports.ts';
import { alertRunEntity, type AlertRunEntity, type AlertRunItem } from './alert-run.entity.ts';
import { alertStepEntity, type AlertStepEntity } from './alert-step.entity.ts';
import { organisationEntity } from './organisation.entity.ts';
import { outboxEventEntity, outboxItem } from './outbox-event.entity.ts';
import { checkedCursor, pageOf } from './pages.ts';
import { guardsHeld, lostRaceOn } from './races.ts';
import { userEntity } from './user.entity.ts';

/** How long a step item is kept after it is written, in days: bookkeeping only. */
const STEP_DAYS = 30;

/** A run's step as stored: it expires a month on. */
export const storedStep = (step: AlertStep, at: string) => ({ ...step, expiresAt: Math.floor(Date.parse(at) / 1000) + STEP_DAYS * 24 * 60 * 60 });

/** The first step of a run, written with the run itself. */
export const firstStep = (run: NewAlertRun): AlertStep => ({ runId: run.runId, step: 0, keyIndex: 0 });

/** The chunk event of one step: its id follows from the run and the step, so a replay cannot write a second. */
export const chunkEventId = (step: AlertStep) => `${step.runId}#${step.step}`;

type InTransaction<E> = E extends Entity<infer A, infer F, infer C, infer S> ? TransactWriteEntity<A, F, C, S> : never;

/** Writes a new run and its first step (none when it has no key to walk, e.g. a digest of a quiet week). */
export function alertRunStartWrites(runs: InTransaction<AlertRunEntity>, steps: InTransaction<AlertStepEntity>, run: NewAlertRun) {
  const { challengeId, ...rest } = run;
  const done = run.keys.length === 0;
  return [
    runs.create({ ...rest, ...(challengeId ? { challengeId } : {}), ...(done ? { status: 'matched' as const, matchedAt: run.startedAt } : {}) }).commit(),
    ...(done ? [] : [steps.create(storedStep(firstStep(run), run.startedAt)).commit()]),
  ];
}

const alertRunOf = ({ failedEvents, challenges, challengeId, ...item }: AlertRunItem): AlertRun => ({
  ...item,
  ...(challengeId ? { challengeId } : {}),
  challenges: challenges as AlertedChallenge[],
  failedEvents: failedEvents ?? [],
});

export function createAlertRunStore(
  client: DynamoDBDocumentClient,
  table: string,
): AlertRunStore & AlertAudience & { stepIn(image: Record<string, unknown>): AlertStep | undefined } {
  const runs = alertRunEntity(client, table);
  const steps = alertStepEntity(client, table);
  const events = outboxEventEntity(client, table);
  const users = userEntity(client, table);
  const organisations = organisationEntity(client, table);
  const service = new Service({ runs, steps, events }, { client, table });

  return {
    /** The alert run step a stream record's new image holds, if it is one. */
    stepIn(image) {
      const data = steps.parse({ Item: image }).data;
      return data ? { runId: data.runId, step: data.step, keyIndex: data.keyIndex, ...(data.cursor ? { cursor: data.cursor } : {}) } : undefined;
    },

    async run(runId) {
      const { data } = await runs.get({ runId }).go({ consistent: true });
      return data ? alertRunOf(data) : undefined;
    },

    async start(run) {
      const result = await service.transaction.write(({ runs: runItems, steps: stepItems }) => alertRunStartWrites(runItems, stepItems, run)).go();
      if (lostRaceOn(result, 0)) return false;
      return guardsHeld(result, `Starting alert run ${run.runId}`);
    },

    async completeStep(step, chunk, next, at) {
      const last = next === undefined;
      const result = await service.transaction
        .write(({ runs: runItems, steps: stepItems, events: eventItems }) => [
          stepItems
            .patch({ runId: step.runId, step: step.step })
            .set({ doneAt: at })
            .where(({ doneAt }, { notExists }) => notExists(doneAt))
            .commit(),
          ...(chunk ? [eventItems.create({ ...outboxItem(chunkEventId(step), chunk), run: step.runId, createdAt: at }).commit()] : []),
          ...(next ? [stepItems.create(storedStep(next, at)).commit()] : []),
          (last
            ? runItems
                .patch({ runId: step.runId })
                .add({ matched: chunk?.recipients.length ?? 0 })
                .set({ status: 'matched', matchedAt: at })
            : runItems.patch({ runId: step.runId }).add({ matched: chunk?.recipients.length ?? 0 })
          ).commit(),
        ])
        .go();
      if (lostRaceOn(result, 0)) return false;
      return guardsHeld(result, `Alert run ${step.runId}, step ${step.step}`);
    },

    async runs(page) {
      const query = runs.query.byStart({});
      const cursor = checkedCursor(page.cursor, query);
      return pageOf(
        async (options) => {
          const { data, cursor: nextCursor } = await query.go({ ...options, order: 'desc' });
          return { data: data.map(alertRunOf), cursor: nextCursor };
        },
        createConversions(runs).byAccessPattern.byStart.fromComposite.toCursor,
        { ...page, cursor },
      );
    },

    async people(userIds) {
      if (!userIds.length) return new Map();
      const { data } = await users.get([...new Set(userIds)].map((userId) => ({ userId }))).go({ consistent: true });
      return new Map(data.map((person) => [person.userId, person]));
    },

    async organisations(organisationIds) {
      if (!organisationIds.length) return new Map();
      const { data } = await organisations.get([...new Set(organisationIds)].map((organisationId) => ({ organisationId }))).go({ consistent: true });
      return new Map(data.map((organisation) => [organisation.organisationId, organisation]));
    },
  };
}
