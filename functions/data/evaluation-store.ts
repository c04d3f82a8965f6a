import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Service } from 'electrodb';
import type { EvaluationStore } from '../domain/evaluation/ports.ts';
import { bidEntity } from './bid.entity.ts';
import { bidAuditEntity } from './bid-audit.entity.ts';
import { scoreEntity } from './score.entity.ts';
import { challengeAuditEntity } from './challenge-audit.entity.ts';
import { challengeListingEntity } from './challenge-listing.entity.ts';
import { changed, listingWrites, touchesListing } from './challenge-listings.ts';
import { challengeEntity, storedChallenge } from './challenge.entity.ts';
import { outboxEventEntity, outboxItem } from './outbox-event.entity.ts';
import { guardsHeld } from './races.ts';

/** The stored side of the evaluation (see EvaluationStore): scores, the shortlist and the decision. */
export function createEvaluationStore(client: DynamoDBDocumentClient, table: string, newId: () => string): EvaluationStore {
  const challenges = challengeEntity(client, table);
  const audits = challengeAuditEntity(client, table);
  const bids = bidEntity(client, table);
  const bidAudits = bidAuditEntity(client, table);
  const scores = scoreEntity(client, table);
  const outboxEvents = outboxEventEntity(client, table);
  const listings = challengeListingEntity(client, table);
  const service = new Service({ challenges, audits, bids, bidAudits, scores, outboxEvents, listings }, { client, table });

  return {
    async scores(challengeId) {
      return (await scores.query.byChallenge({ challengeId }).go({ pages: 'all' })).data;
    },

    async score(score, challengeVersion) {
      // Scoring leaves the challenge's version alone, so evaluators never race each other, but a
      // panel change or a decision in between refuses it.
      const result = await service.transaction
        .write(({ challenges: challenge, scores: entity }) => [
          challenge
            .check({ challengeId: score.challengeId })
            .where(({ version }, { eq }) => eq(version, challengeVersion))
            .commit(),
          entity.put(score).commit(),
        ])
        .go();
      return guardsHeld(result, `Scoring bid ${score.bidId}`);
    },

    async shortlist({ challengeId, bidId, challengeVersion, at, actorUserId, emails }) {
      const result = await service.transaction
        .write(({ challenges: challenge, bids: bid, bidAudits: trail, outboxEvents: events }) => [
          challenge
            .check({ challengeId })
            .where(({ version }, { eq }) => eq(version, challengeVersion))
            .commit(),
          bid
            .patch({ challengeId, bidId })
            .set({ status: 'shortlisted', updatedAt: at })
            .add({ version: 1 })
            .where(({ status }, { eq }) => eq(status, 'submitted'))
            .commit(),
          trail.create({ challengeId, bidId, entryId: newId(), at, action: 'shortlisted', actorUserId }).commit(),
          ...emails.map((email) => events.create(outboxItem(newId(), email)).commit()),
        ])
        .go();
      return guardsHeld(result, `Shortlisting bid ${bidId}`);
    },

    async decide({ challengeId, expectedVersion, at, set, remove, outcomes, audit, emails }) {
      // Deciding on a challenge still open takes it out of the lists: its entries follow from the version read.
      const read = touchesListing(set, remove) ? (await challenges.get({ challengeId }).go({ consistent: true })).data : undefined;
      const before = read && storedChallenge(read);
      if (before !== undefined && before?.version !== expectedVersion) return false;
      const result = await service.transaction
        .write(({ challenges: challenge, audits: trail, bids: bid, outboxEvents: events, listings }) => [
          (remove.length ? challenge.patch({ challengeId }).set(set).remove(remove) : challenge.patch({ challengeId }).set(set))
            // Closed, or still published with its deadline passed (the close job has not run yet): the
            // decision closes it on the way. The version proves nobody decided, or changed it, meanwhile.
            .where(
              ({ version, status, bidDeadline }, { eq, lte }) =>
                `${eq(version, expectedVersion)} AND (${eq(status, 'closed')} OR (${eq(status, 'published')} AND ${lte(bidDeadline, at)}))`,
            )
            .commit(),
          trail.create(audit).commit(),
          ...outcomes.map(({ bidId, from, to, feedback }) =>
            bid
              .patch({ challengeId, bidId })
              .set({ status: to, updatedAt: at, ...(feedback ? { feedback } : {}) })
              .add({ version: 1 })
              .where(({ status }, { eq }) => eq(status, from))
              .commit(),
          ),
          ...emails.map((email) => events.create(outboxItem(newId(), email)).commit()),
          ...(before ? listingWrites(listings, before, changed(before, set, remove)) : []),
        ])
        .go();
      return guardsHeld(result, `Deciding challenge ${challengeId}`);
    },
  };
}
