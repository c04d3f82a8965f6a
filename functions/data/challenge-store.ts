import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createConversions, Service, type EntityItem } from 'electrodb';
import type { DailyAllowance } from '../domain/daily-allowance.ts';
import type { ChallengeStore, ChallengeWrite } from '../domain/challenges/ports.ts';
import { alertRunStartWrites } from './alert-run-store.ts';
import { alertRunEntity } from './alert-run.entity.ts';
import { alertStepEntity } from './alert-step.entity.ts';
import { allowanceEntity, allowanceUse, refusedAt, retriedOnContention } from './allowance.entity.ts';
import { challengeAuditEntity } from './challenge-audit.entity.ts';
import { challengeListingEntity } from './challenge-listing.entity.ts';
import { changed, listingWrites, openChallengesPage, touchesListing } from './challenge-listings.ts';
import { challengeEntity, storedChallenge } from './challenge.entity.ts';
import { followEntity } from './follow.entity.ts';
import { ndaAcceptanceEntity } from './nda-acceptance.entity.ts';
import { outboxEventEntity, outboxItem } from './outbox-event.entity.ts';
import { checkedCursor, pageOf } from './pages.ts';
import { questionReminder, questionReminderEntity } from './question-reminder.entity.ts';
import { questionEntity } from './question.entity.ts';
import { guardsHeld } from './races.ts';

/** The stored side of challenges (see ChallengeStore): every read is a GetItem or a Query. */
export function createChallengeStore(client: DynamoDBDocumentClient, table: string, newId: () => string): ChallengeStore {
  const challenges = challengeEntity(client, table);
  const audits = challengeAuditEntity(client, table);
  const questions = questionEntity(client, table);
  const follows = followEntity(client, table);
  const ndas = ndaAcceptanceEntity(client, table);
  const outboxEvents = outboxEventEntity(client, table);
  const allowances = allowanceEntity(client, table);
  const listings = challengeListingEntity(client, table);
  const alertRuns = alertRunEntity(client, table);
  const alertSteps = alertStepEntity(client, table);
  const reminders = questionReminderEntity(client, table);
  const service = new Service({ challenges, audits, questions, outboxEvents, allowances, listings, alertRuns, alertSteps, reminders }, { client, table });
  const cursorAt = createConversions(challenges).byAccessPattern;
  /** The challenge as it is now (a consistent read). */
  const storedChallengeAt = async (challengeId: string) => {
    const { data } = await challenges.get({ challengeId }).go({ consistent: true });
    return data ? storedChallenge(data) : undefined;
  };

  /**
   * The challenge's changes (only if still at `expectedVersion`), its audit line, its emails, the list entries
   * that follow from it and, last, the allowance they use: one transaction. The entries follow from the whole
   * challenge, so it is read first, and a version other than the expected one is 'stale' without writing.
   */
  const versionedWrite = async (
    challengeId: string,
    expectedVersion: number,
    { set, remove = [], audit, emails = [], alertRun, fileQuestionDeadline }: ChallengeWrite,
    allowance?: DailyAllowance,
  ) => {
    const before = touchesListing(set, remove) || fileQuestionDeadline ? await storedChallengeAt(challengeId) : undefined;
    if (before && before.version !== expectedVersion) return 'stale' as const;
    return service.transaction
      .write(({ challenges: entity, audits: trail, outboxEvents: events, allowances, listings: entries, alertRuns: runs, alertSteps: steps, reminders: filed }) => [
        (remove.length ? entity.patch({ challengeId }).set(set).remove(remove) : entity.patch({ challengeId }).set(set))
          .where(({ version }, { eq }) => eq(version, expectedVersion))
          .commit(),
        trail.create(audit).commit(),
        ...emails.map((email) => events.create(outboxItem(newId(), email)).commit()),
        ...(before && touchesListing(set, remove) ? listingWrites(entries, before, changed(before, set, remove)) : []),
        ...(before && fileQuestionDeadline ? [filed.put(questionReminder(challengeId, before.questionDeadline)).commit()] : []),
        ...(alertRun ? alertRunStartWrites(runs, steps, alertRun) : []),
        ...(allowance ? [allowanceUse(allowances, allowance)] : []),
      ])
      .go();
  };

  return {
    async create(challenge, audit) {
      const { canceled, data } = await service.transaction
        .write(({ challenges: entity, audits: trail, listings: entries }) => [
          entity.create(challenge).commit(),
          trail.create(audit).commit(),
          ...listingWrites(entries, undefined, challenge),
        ])
        .go();
      if (canceled) throw new Error(`Creating challenge ${challenge.challengeId} failed: ${JSON.stringify(data.map((item) => item.code))}`);
    },

    challenge: storedChallengeAt,

    async change(challengeId, expectedVersion, write) {
      const result = await versionedWrite(challengeId, expectedVersion, write);
      return result !== 'stale' && guardsHeld(result, `Changing challenge ${challengeId}`);
    },

    async amend(challengeId, expectedVersion, write, allowance) {
      const result = await retriedOnContention(() => versionedWrite(challengeId, expectedVersion, write, allowance));
      if (result === 'stale') return 'stale';
      // The allowance is the transaction's last item: its own condition failing means it is used up.
      if (refusedAt(result, result.data.length - 1)) return 'allowanceUsedUp';
      return guardsHeld(result, `Amending challenge ${challengeId}`) ? 'written' : 'stale';
    },

    async ofOrganisation(organisationId, page) {
      const query = challenges.query.byOrganisation({ organisationId });
      const cursor = checkedCursor(page.cursor, query);
      return pageOf(
        async (options) => {
          const { data, cursor: next } = await query.go({ ...options, order: 'desc' });
          return { data: data.map(storedChallenge), cursor: next };
        },
        cursorAt.byOrganisation.fromComposite.toCursor,
        { ...page, cursor },
      );
    },

    async byStatus(status, page, { oldestFirst }) {
      const query = challenges.query.byStatus({ status });
      const cursor = checkedCursor(page.cursor, query);
      return pageOf(
        async (options) => {
          const { data, cursor: next } = await query.go({ ...options, order: oldestFirst ? 'asc' : 'desc' });
          return { data: data.map(storedChallenge), cursor: next };
        },
        cursorAt.byStatus.fromComposite.toCursor,
        { ...page, cursor },
      );
    },

    openChallenges: (filters, sort, now, page) => openChallengesPage(listings, challenges, filters, sort, now, page),

    async pastDeadline(now, limit) {
      const { data } = await challenges.query.open({ listing: 'open' }).lte({ openUntil: now }).go({ count: limit });
      return data.map(storedChallenge);
    },

    async closingBetween(after, until) {
      const { data } = await challenges.query
        .open({ listing: 'open' })
        .between({ openUntil: after }, { openUntil: until })
        .where(({ openUntil }, { gt }) => gt(openUntil, after))
        .go({ pages: 'all' });
      return data.map(storedChallenge);
    },

    async questionDeadlinesBefore(until, limit) {
      const { data } = await reminders.query.byDeadline({}).lt({ questionDeadline: until }).go({ limit });
      return data.map(({ challengeId, questionDeadline }) => ({ challengeId, questionDeadline }));
    },

    async refileQuestionDeadline(filed, moved) {
      if (moved) await reminders.put(questionReminder(moved.challengeId, moved.questionDeadline)).go();
      await reminders.delete(filed).go();
    },

    async publishedBetween(from, until, limit) {
      // A published challenge's status has not changed since it was published: statusSince is its publication.
      const { data } = await challenges.query.byStatus({ status: 'published' }).between({ statusSince: from }, { statusSince: until }).go({ order: 'desc', limit });
      return data.map(storedChallenge);
    },

    async audit(challengeId) {
      return (await audits.query.byChallenge({ challengeId }).go({ pages: 'all' })).data;
    },

    async questions(challengeId) {
      return (await questions.query.byChallenge({ challengeId }).go({ pages: 'all' })).data;
    },

    async question(challengeId, questionId) {
      return (await questions.get({ challengeId, questionId }).go({ consistent: true })).data ?? undefined;
    },

    async ask(question) {
      await questions.create(question).go();
    },

    async answer(question, answer, audit, emails) {
      const { challengeId, questionId } = question;
      const { canceled, data } = await service.transaction
        .write(({ questions: entity, audits: trail, outboxEvents: events }) => [
          entity
            .patch({ challengeId, questionId })
            .set(answer)
            .where((attributes, { notExists }) => notExists(attributes.answer))
            .commit(),
          trail.create(audit).commit(),
          ...emails.map((email) => events.create(outboxItem(newId(), email)).commit()),
        ])
        .go();
      return guardsHeld({ canceled, data }, `Answering question ${questionId}`);
    },

    async follow(challengeId, firmId, userId, at) {
      await follows.put({ challengeId, firmId, followedByUserId: userId, followedAt: at }).go();
    },

    async unfollow(challengeId, firmId) {
      await follows.delete({ challengeId, firmId }).go();
    },

    async isFollowing(challengeId, firmId) {
      return Boolean((await follows.get({ challengeId, firmId }).go({ consistent: true })).data);
    },

    async followers(challengeId) {
      return (await follows.query.byChallenge({ challengeId }).go({ pages: 'all' })).data.map((follow) => follow.firmId);
    },

    async followedBy(firmId, page) {
      const cursor = checkedCursor(page.cursor, follows.query.byFirm({ firmId }));
      const followed = await pageOf<EntityItem<typeof follows>>(
        (options) => follows.query.byFirm({ firmId }).go({ ...options, order: 'desc' }),
        createConversions(follows).byAccessPattern.byFirm.fromComposite.toCursor,
        { ...page, cursor },
      );
      const keys = followed.items.map(({ challengeId }) => ({ challengeId }));
      const found = keys.length ? (await challenges.get(keys).go({ consistent: true })).data : [];
      const byId = new Map(found.map((challenge) => [challenge.challengeId, storedChallenge(challenge)]));
      return { items: followed.items.flatMap(({ challengeId }) => byId.get(challengeId) ?? []), cursor: followed.cursor };
    },

    async acceptNda(challengeId, firmId, userId, at) {
      await ndas.put({ challengeId, firmId, acceptedByUserId: userId, acceptedAt: at }).go();
    },

    async ndaAccepted(challengeId, firmId) {
      return Boolean((await ndas.get({ challengeId, firmId }).go({ consistent: true })).data);
    },
  };
}
