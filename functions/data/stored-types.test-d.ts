import type { Entity, EntityItem } from 'electrodb';
import { describe, expectTypeOf, it } from 'vitest';
import type { StoredCode } from '#functions/domain/account/sign-in.ts';
import type { StoredBid, StoredBidAudit, StoredBidder, StoredPartnership } from '#functions/domain/bids/ports.ts';
import type { StoredAuditEntry, StoredChallenge, StoredQuestion } from '#functions/domain/challenges/ports.ts';
import type { StoredScore } from '#functions/domain/evaluation/ports.ts';
import type { StoredOutboxEvent } from '#functions/domain/notifications/outbox.ts';
import type { StoredInvitation, StoredOrganisation } from '#functions/domain/organisations/ports.ts';
import type { bidAuditEntity } from './bid-audit.entity.ts';
import type { bidEntity } from './bid.entity.ts';
import type { bidderEntity } from './bidder.entity.ts';
import type { challengeAuditEntity } from './challenge-audit.entity.ts';
import type { challengeEntity } from './challenge.entity.ts';
import type { invitationEntity } from './invitation.entity.ts';
import type { organisationEntity } from './organisation.entity.ts';
import type { outboxEventEntity } from './outbox-event.entity.ts';
import type { partnershipEntity } from './partnership.entity.ts';
import type { questionEntity } from './question.entity.ts';
import type { scoreEntity } from './score.entity.ts';
import type { signInCodeEntity } from './sign-in-code.entity.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any entity's factory
type ItemOf<Factory extends (...args: never[]) => Entity<any, any, any, any>> = EntityItem<ReturnType<Factory>>;

/** True when each type can be used as the other: the entity's item as the domain's type and back. */
type FitEachOther<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// Checked by the typecheck: each store hands out its entity's items as the domain's Stored* type
// and writes the domain's type as the entity's item, without a cast, so both must fit each other.
describe('Types: the stored types fit their entities', () => {
  it('fit each other both ways', () => {
    // ElectroDB types no list of enum values, so the challenge's disciplines are stored as strings (the API's zod schema checks them).
    expectTypeOf<FitEachOther<Omit<ItemOf<typeof challengeEntity>, 'disciplines'>, Omit<StoredChallenge, 'disciplines'>>>().toEqualTypeOf<true>();
    expectTypeOf<StoredChallenge>().toExtend<ItemOf<typeof challengeEntity>>();
    expectTypeOf<FitEachOther<ItemOf<typeof challengeAuditEntity>, StoredAuditEntry>>().toEqualTypeOf<true>();
    expectTypeOf<FitEachOther<ItemOf<typeof questionEntity>, StoredQuestion>>().toEqualTypeOf<true>();
    expectTypeOf<FitEachOther<ItemOf<typeof bidEntity>, StoredBid>>().toEqualTypeOf<true>();
    expectTypeOf<FitEachOther<ItemOf<typeof bidAuditEntity>, StoredBidAudit>>().toEqualTypeOf<true>();
    expectTypeOf<FitEachOther<ItemOf<typeof bidderEntity>, StoredBidder>>().toEqualTypeOf<true>();
    expectTypeOf<FitEachOther<ItemOf<typeof partnershipEntity>, StoredPartnership>>().toEqualTypeOf<true>();
    expectTypeOf<FitEachOther<ItemOf<typeof scoreEntity>, StoredScore>>().toEqualTypeOf<true>();
    expectTypeOf<FitEachOther<ItemOf<typeof organisationEntity>, StoredOrganisation>>().toEqualTypeOf<true>();
    expectTypeOf<FitEachOther<ItemOf<typeof invitationEntity>, StoredInvitation>>().toEqualTypeOf<true>();
    expectTypeOf<FitEachOther<ItemOf<typeof signInCodeEntity>, StoredCode>>().toEqualTypeOf<true>();
    expectTypeOf<FitEachOther<ItemOf<typeof outboxEventEntity>, StoredOutboxEvent>>().toEqualTypeOf<true>();
  });
});
