import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Service } from 'electrodb';
import type { DailyAllowance } from '../domain/daily-allowance.ts';
import type { ChallengeFilters, ChallengeStore, ChallengeWrite, StoredAuditEntry, StoredChallenge, StoredQuestion } from '../domain/challenges/ports.ts';
import { allowanceEntity, allowanceUse, refusedAt, retriedOnContention } from './allowance.entity.ts';
import { challengeAuditEntity } from './challenge-audit.entity.ts';
import { challengeEntity } from './challenge.entity.ts';
import { followEntity, ndaAcceptanceEntity } from './challenge-interest.entity.ts';
import { outboxEventEntity, outboxItem } from './outbox-event.entity.ts';
import { checkedCursor, pageOf } from './pages.ts';
import { questionEntity } from './question.entity.ts';
import { guardsHeld } from './races.ts';

type ChallengeAttributes = Parameters<Parameters<ReturnType<ReturnType<typeof challengeEntity>['query']['byStatus']>['where']>[0]>[0];
type FilterOperations = Parameters<Parameters<ReturnType<ReturnType<typeof challengeEntity>['query']['byStatus']>['where']>[0]>[1];

/** The list filters as one filter expression; each page is still one Query of an index, never a Scan. */
function filterExpression(filters: ChallengeFilters, attributes: ChallengeAttributes, op: FilterOperations, openAfter?: string): string {
  const words = (filters.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
  return [
    filters.sector ? op.eq(attributes.sector, filters.sector) : '',
    filters.discipline ? op.contains(attributes.disciplines, filters.discipline) : '',
    filters.type ? op.eq(attributes.type, filters.type) : '',
    filters.funding ? op.eq(attributes.fundingInstrument, filters.funding) : '',
    filters.minBudgetCents !== undefined ? op.gte(attributes.budgetMaxCents, filters.minBudgetCents) : '',
    filters.maxBudgetCents !== undefined ? op.lte(attributes.budgetMinCents, filters.maxBudgetCents) : '',
    filters.includeFirmsOnly ? '' : op.eq(attributes.visibility, 'public'),
    openAfter ? op.gt(attributes.openUntil, openAfter) : '',
    ...words.map((word) => op.contains(attributes.searchText, word)),
  ]
    .filter(Boolean)
    .join(' AND ');
}

const noFilters: ChallengeFilters = { includeFirmsOnly: true };

/** The stored side of challenges (see ChallengeStore): every read is a GetItem or a Query. */
export function createChallengeStore(client: DynamoDBDocumentClient, table: string, newId: () => string): ChallengeStore {
  const challenges = challengeEntity(client, table);
  const audits = challengeAuditEntity(client, table);
  const questions = questionEntity(client, table);
  const follows = followEntity(client, table);
  const ndas = ndaAcceptanceEntity(client, table);
  const outboxEvents = outboxEventEntity(client, table);
  const allowances = allowanceEntity(client, table);
  const service = new Service({ challenges, audits, questions, outboxEvents, allowances }, { client, table });
  const asStored = (item: unknown) => item as StoredChallenge;

  /** The challenge's changes (only if still at `expectedVersion`), its audit line, its emails and, last, the allowance they use: one transaction. */
  const versionedWrite = (challengeId: string, expectedVersion: number, { set, remove = [], audit, emails = [] }: ChallengeWrite, allowance?: DailyAllowance) =>
    service.transaction
      .write(({ challenges: entity, audits: trail, outboxEvents: events, allowances }) => [
        (remove.length ? entity.patch({ challengeId }).set(set).remove(remove) : entity.patch({ challengeId }).set(set))
          .where(({ version }, { eq }) => eq(version, expectedVersion))
          .commit(),
        trail.create(audit).commit(),
        ...emails.map((email) => events.create(outboxItem(newId(), email)).commit()),
        ...(allowance ? [allowanceUse(allowances, allowance)] : []),
      ])
      .go();

  return {
    async create(challenge, audit) {
      const { canceled, data } = await service.transaction
        .write(({ challenges: entity, audits: trail }) => [entity.create(challenge).commit(), trail.create(audit).commit()])
        .go();
      if (canceled) throw new Error(`Creating challenge ${challenge.challengeId} failed: ${JSON.stringify(data.map((item) => item.code))}`);
    },

    async challenge(challengeId) {
      const { data } = await challenges.get({ challengeId }).go({ consistent: true });
      return data ? asStored(data) : undefined;
    },

    async change(challengeId, expectedVersion, write) {
      return guardsHeld(await versionedWrite(challengeId, expectedVersion, write), `Changing challenge ${challengeId}`);
    },

    async amend(challengeId, expectedVersion, write, allowance) {
      const result = await retriedOnContention(() => versionedWrite(challengeId, expectedVersion, write, allowance));
      // The allowance is the transaction's last item: its own condition failing means it is used up.
      if (refusedAt(result, result.data.length - 1)) return 'allowanceUsedUp';
      return guardsHeld(result, `Amending challenge ${challengeId}`) ? 'written' : 'stale';
    },

    async ofOrganisation(organisationId, page) {
      const cursor = checkedCursor(page.cursor, 'gsi2pk', `ORG#${organisationId}#CHALLENGES`);
      const query = challenges.query.byOrganisation({ organisationId });
      return pageOf(async (options) => {
        const { data, cursor: next } = await query.go({ ...options, order: 'desc' });
        return { data: data.map(asStored), cursor: next };
      }, { ...page, cursor });
    },

    async byStatus(status, page, { oldestFirst, filters = noFilters, openAfter }) {
      const cursor = checkedCursor(page.cursor, 'gsi1pk', `CHALLENGES#${status}`);
      const query = challenges.query.byStatus({ status }).where((attributes, op) => filterExpression(filters, attributes, op, openAfter));
      return pageOf(async (options) => {
        const { data, cursor: next } = await query.go({ ...options, order: oldestFirst ? 'asc' : 'desc' });
        return { data: data.map(asStored), cursor: next };
      }, { ...page, cursor });
    },

    async closingSoonest(after, filters, page) {
      const cursor = checkedCursor(page.cursor, 'gsi3pk', 'CHALLENGES#open');
      const query = challenges.query
        .open({ listing: 'open' })
        .gt({ openUntil: after })
        .where((attributes, op) => filterExpression(filters, attributes, op));
      return pageOf(async (options) => {
        const { data, cursor: next } = await query.go(options);
        return { data: data.map(asStored), cursor: next };
      }, { ...page, cursor });
    },

    async pastDeadline(now, limit) {
      const { data } = await challenges.query.open({ listing: 'open' }).lte({ openUntil: now }).go({ count: limit });
      return data.map(asStored);
    },

    async closingBetween(after, until) {
      const { data } = await challenges.query
        .open({ listing: 'open' })
        .between({ openUntil: after }, { openUntil: until })
        .where(({ openUntil }, { gt }) => gt(openUntil, after))
        .go({ pages: 'all' });
      return data.map(asStored);
    },

    async audit(challengeId) {
      return (await audits.query.byChallenge({ challengeId }).go({ pages: 'all' })).data as StoredAuditEntry[];
    },

    async questions(challengeId) {
      return (await questions.query.byChallenge({ challengeId }).go({ pages: 'all' })).data as StoredQuestion[];
    },

    async question(challengeId, questionId) {
      return ((await questions.get({ challengeId, questionId }).go({ consistent: true })).data ?? undefined) as StoredQuestion | undefined;
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
      const cursor = checkedCursor(page.cursor, 'gsi2pk', `ORG#${firmId}#FOLLOWING`);
      const query = follows.query.byFirm({ firmId });
      return pageOf(async (options) => {
        const { data, cursor: next } = await query.go({ ...options, order: 'desc' });
        const found = data.length ? (await challenges.get(data.map(({ challengeId }) => ({ challengeId }))).go({ consistent: true })).data : [];
        const byId = new Map(found.map((challenge) => [challenge.challengeId, asStored(challenge)]));
        return { data: data.flatMap(({ challengeId }) => byId.get(challengeId) ?? []), cursor: next };
      }, { ...page, cursor });
    },

    async acceptNda(challengeId, firmId, userId, at) {
      await ndas.put({ challengeId, firmId, acceptedByUserId: userId, acceptedAt: at }).go();
    },

    async ndaAccepted(challengeId, firmId) {
      return Boolean((await ndas.get({ challengeId, firmId }).go({ consistent: true })).data);
    },
  };
}
