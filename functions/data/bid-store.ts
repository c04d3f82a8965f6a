import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createConversions, Service } from 'electrodb';
import { sealedBidStatuses, type BidStatus } from '#shared/bid.ts';
import type { BidStore, BidWrite, BidWriteOutcome, StoredBid } from '../domain/bids/ports.ts';
import type { DailyAllowance } from '../domain/daily-allowance.ts';
import { allowanceEntity, allowanceUse } from './allowance.entity.ts';
import { bidEntity } from './bid.entity.ts';
import { bidAuditEntity } from './bid-audit.entity.ts';
import { bidLocatorEntity } from './bid-locator.entity.ts';
import { bidderEntity } from './bidder.entity.ts';
import { partnershipEntity } from './partnership.entity.ts';
import { challengeAuditEntity } from './challenge-audit.entity.ts';
import { challengeEntity } from './challenge.entity.ts';
import { outboxEventEntity, outboxItem } from './outbox-event.entity.ts';
import { checkedCursor, pageOf } from './pages.ts';
import { lostRace, type TransactionResult } from './races.ts';

/**
 * A guarded transaction's outcome: written, or refused by the guard at that position in the
 * transaction (`guards[i]` names what item i's failed condition means); a concurrent transaction on
 * the same items counts as a stale read. Anything else is a fault. A write that uses a daily
 * allowance ends with it: that last item's condition failing means the allowance is used up.
 */
function outcomeOf(result: TransactionResult, guards: BidWriteOutcome[], what: string, allowance?: DailyAllowance): BidWriteOutcome {
  if (!result.canceled) return 'written';
  const failed = result.data.findIndex(({ code }) => code === 'ConditionalCheckFailed');
  if (failed >= 0 && failed < guards.length) return guards[failed]!;
  if (allowance && failed === result.data.length - 1) return 'allowanceUsedUp';
  if (lostRace(result)) return 'stale';
  throw new Error(`${what} failed: ${JSON.stringify(result.data.map((item) => item.code))}`);
}

const draftStatuses: readonly BidStatus[] = ['draft', 'withdrawn'];

/** The stored side of bids (see BidStore): every read is a GetItem or a Query. */
export function createBidStore(client: DynamoDBDocumentClient, table: string, newId: () => string): BidStore {
  const bids = bidEntity(client, table);
  const locators = bidLocatorEntity(client, table);
  const bidders = bidderEntity(client, table);
  const partnerships = partnershipEntity(client, table);
  const bidAudits = bidAuditEntity(client, table);
  const challenges = challengeEntity(client, table);
  const challengeAudits = challengeAuditEntity(client, table);
  const outboxEvents = outboxEventEntity(client, table);
  const allowances = allowanceEntity(client, table);
  const service = new Service({ bids, locators, bidders, partnerships, bidAudits, challenges, challengeAudits, outboxEvents, allowances }, { client, table });

  type Entities = Parameters<Parameters<typeof service.transaction.write>[0]>[0];
  /** The challenge is still published and its deadline still ahead: a bid changes only then. */
  const stillOpen = ({ challenges: entity }: Entities, challengeId: string, at: string) =>
    entity
      .check({ challengeId })
      .where(({ status, bidDeadline }, { eq, gt }) => `${eq(status, 'published')} AND ${gt(bidDeadline, at)}`)
      .commit();
  /** The bid's changes, only if it is still at the version it was read at. */
  const bidPatch = ({ bids: entity }: Entities, bid: StoredBid, { set, remove = [] }: Pick<BidWrite, 'set' | 'remove'>) => {
    const patch = entity.patch({ challengeId: bid.challengeId, bidId: bid.bidId }).set(set);
    return (remove.length ? patch.remove(remove) : patch).where(({ version }, { eq }) => eq(version, bid.version)).commit();
  };
  /** The audit lines and emails that go with a write and, last, the daily allowance the emails use. */
  const trail = (
    { bidAudits: audits, challengeAudits: challengeTrail, outboxEvents: events, allowances: allowed }: Entities,
    write: Pick<BidWrite, 'audit' | 'challengeAudit' | 'emails' | 'allowance'>,
  ) => [
    ...(write.audit ? [audits.create(write.audit).commit()] : []),
    ...(write.challengeAudit ? [challengeTrail.create(write.challengeAudit).commit()] : []),
    ...(write.emails ?? []).map((email) => events.create(outboxItem(newId(), email)).commit()),
    ...(write.allowance ? [allowanceUse(allowed, write.allowance)] : []),
  ];
  const queryBids = async (challengeId: string, statuses?: readonly BidStatus[]) => {
    const query = bids.query.byChallenge({ challengeId });
    const { data } = await (statuses ? query.where(({ status }, { eq }) => statuses.map((value) => eq(status, value)).join(' OR ')) : query).go({ pages: 'all', consistent: true });
    return data;
  };

  return {
    async start(bid, audit, openAt) {
      const result = await service.transaction
        .write((entities) => [
          stillOpen(entities, bid.challengeId, openAt),
          entities.bidders.create({ challengeId: bid.challengeId, organisationId: bid.leadOrganisationId, bidId: bid.bidId, role: 'lead' }).commit(),
          entities.bids.create(bid).commit(),
          entities.locators.create({ bidId: bid.bidId, challengeId: bid.challengeId }).commit(),
          entities.bidAudits.create(audit).commit(),
        ])
        .go();
      return outcomeOf(result, ['closed', 'taken'], `Starting bid ${bid.bidId}`);
    },

    async bid(bidId) {
      const { data: locator } = await locators.get({ bidId }).go({ consistent: true });
      if (!locator) return undefined;
      const { data } = await bids.get({ challengeId: locator.challengeId, bidId }).go({ consistent: true });
      return data ?? undefined;
    },

    async bidsAt(keys) {
      if (!keys.length) return [];
      return (await bids.get(keys).go({ consistent: true })).data;
    },

    async change(bid, write) {
      const result = await service.transaction
        .write((entities) => [
          stillOpen(entities, bid.challengeId, write.at),
          bidPatch(entities, bid, write),
          // A seal covers the partners as they are: each must still be confirmed.
          ...(write.confirmedPartners ?? []).map((organisationId) =>
            entities.partnerships
              .check({ challengeId: bid.challengeId, bidId: bid.bidId, organisationId })
              .where(({ status }, { eq }) => eq(status, 'confirmed'))
              .commit(),
          ),
          ...trail(entities, write),
        ])
        .go();
      return outcomeOf(result, ['closed', 'stale', ...(write.confirmedPartners ?? []).map((): BidWriteOutcome => 'stale')], `Changing bid ${bid.bidId}`, write.allowance);
    },

    async partners(challengeId, bidId) {
      return (await partnerships.query.byBid({ challengeId, bidId }).go({ pages: 'all', consistent: true })).data;
    },

    async audit(challengeId, bidId) {
      return (await bidAudits.query.byBid({ challengeId, bidId }).go({ pages: 'all', consistent: true })).data;
    },

    async invite(bid, partnership, write) {
      const { challengeId } = partnership;
      const result = await service.transaction
        .write((entities) => [
          stillOpen(entities, challengeId, write.at),
          bidPatch(entities, bid, write),
          // Replaces only the record of an earlier invitation the partner declined. No bidder guard yet:
          // the partner takes its place on confirming, so the invitation tells the lead nothing of its bidding.
          entities.partnerships
            .put(partnership)
            .where(({ status }, { notExists, eq }) => `${notExists(status)} OR ${eq(status, 'declined')}`)
            .commit(),
          ...trail(entities, write),
        ])
        .go();
      return outcomeOf(result, ['closed', 'stale', 'taken'], `Inviting a partner into bid ${bid.bidId}`, write.allowance);
    },

    async removePartner(bid, partnership, write) {
      const { challengeId, organisationId } = partnership;
      const ownsGuard = partnership.status === 'confirmed';
      const result = await service.transaction
        .write((entities) => [
          stillOpen(entities, challengeId, write.at),
          bidPatch(entities, bid, write),
          entities.partnerships
            .delete({ challengeId, bidId: bid.bidId, organisationId })
            .where(({ status }, { eq }) => eq(status, partnership.status))
            .commit(),
          // Only a confirmed partner holds a guard: an invited one may bid otherwise, one that declined may lead a bid of its own by now.
          ...(ownsGuard
            ? [
                entities.bidders
                  .delete({ challengeId, organisationId })
                  .where(({ bidId }, { eq }) => eq(bidId, bid.bidId))
                  .commit(),
              ]
            : []),
          ...trail(entities, write),
        ])
        .go();
      return outcomeOf(result, ['closed', 'stale', 'stale', 'stale'], `Removing a partner from bid ${bid.bidId}`);
    },

    async respond(partnership, response, audit, emails) {
      const { challengeId, bidId, organisationId } = partnership;
      const result = await service.transaction
        .write((entities) => [
          stillOpen(entities, challengeId, response.respondedAt),
          entities.partnerships
            .patch({ challengeId, bidId, organisationId })
            .set(response)
            .where(({ status }, { eq }) => eq(status, 'invited'))
            .commit(),
          // Confirming takes the partner's one place in the challenge's bidding, only if it has none elsewhere.
          ...(response.status === 'confirmed'
            ? [
                entities.bidders
                  .put({ challengeId, organisationId, bidId, role: 'partner' })
                  .where(({ bidId: guarded }, { notExists, eq }) => `${notExists(guarded)} OR ${eq(guarded, bidId)}`)
                  .commit(),
              ]
            : []),
          ...trail(entities, { audit, emails }),
        ])
        .go();
      return outcomeOf(result, ['closed', 'stale', 'taken'], `Answering an invitation into bid ${bidId}`);
    },

    async bidder(challengeId, organisationId) {
      return (await bidders.get({ challengeId, organisationId }).go({ consistent: true })).data ?? undefined;
    },

    async bidders(challengeId) {
      return (await bidders.query.byChallenge({ challengeId }).go({ pages: 'all', consistent: true })).data;
    },

    bidsOf: (challengeId) => queryBids(challengeId),
    sealedBids: (challengeId) => queryBids(challengeId, sealedBidStatuses),
    sealedBidCount: async (challengeId) => (await queryBids(challengeId, sealedBidStatuses)).length,
    draftBidsOf: (challengeId) => queryBids(challengeId, draftStatuses),

    async ledBy(organisationId, page) {
      const query = bids.query.byLead({ leadOrganisationId: organisationId });
      const cursor = checkedCursor(page.cursor, query);
      return pageOf(
        async (options) => {
          const { data, cursor: next } = await query.go({ ...options, order: 'desc' });
          return { data, cursor: next };
        },
        createConversions(bids).byAccessPattern.byLead.fromComposite.toCursor,
        { ...page, cursor },
      );
    },

    async partnershipsOf(organisationId, newest) {
      return (await partnerships.query.byPartner({ organisationId }).go({ limit: newest, order: 'desc' })).data;
    },
  };
}
