import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createConversions, Service } from 'electrodb';
import type { OrganisationChanges, OrganisationStore } from '../domain/organisations/ports.ts';
import { allowanceEntity, allowanceUse, refusedAt, retriedOnContention } from './allowance.entity.ts';
import { firmListingEntity } from './firm-listing.entity.ts';
import { firmListingWrites, firmsPage, touchesDirectory } from './firm-listings.ts';
import { changed } from './challenge-listings.ts';
import { checkedCursor, pageOf } from './pages.ts';
import { invitationEntity } from './invitation.entity.ts';
import { kvkClaimEntity } from './kvk-claim.entity.ts';
import { organisationEntity } from './organisation.entity.ts';
import { outboxEventEntity, outboxItem } from './outbox-event.entity.ts';
import { guardsHeld, lostRace, lostRaceError, lostRaceOn } from './races.ts';
import { sessionEntity } from './session.entity.ts';
import { emailClaimEntity } from './email-claim.entity.ts';
import { userEntity } from './user.entity.ts';

/** DynamoDB keeps no empty sets: an emptied set is removed instead. */
const setAttributes = ['disciplines', 'sectorsServed'] as const;
function splitEmptySets<T extends Partial<Record<(typeof setAttributes)[number], unknown[]>>>(values: T) {
  const kept = { ...values };
  const emptied = setAttributes.filter((name) => Array.isArray(kept[name]) && kept[name].length === 0);
  for (const name of emptied) delete kept[name];
  return { kept, emptied };
}

/** The stored side of organisations, their KvK claims, members and invitations (see OrganisationStore). */
export function createOrganisationStore(client: DynamoDBDocumentClient, table: string, newId: () => string): OrganisationStore {
  const organisations = organisationEntity(client, table);
  const kvkClaims = kvkClaimEntity(client, table);
  const users = userEntity(client, table);
  const emailClaims = emailClaimEntity(client, table);
  const invitations = invitationEntity(client, table);
  const outboxEvents = outboxEventEntity(client, table);
  const sessions = sessionEntity(client, table);
  const allowances = allowanceEntity(client, table);
  const firmListings = firmListingEntity(client, table);
  const service = new Service({ organisations, kvkClaims, users, invitations, outboxEvents, allowances, firmListings }, { client, table });

  const person = async (userId: string) => (await users.get({ userId }).go({ consistent: true })).data ?? undefined;

  return {
    async register(organisation) {
      const { kept } = splitEmptySets(organisation);
      const result = await service.transaction
        .write(({ organisations: org, kvkClaims: claim, users: user }) => [
          org.create(kept).commit(),
          claim.create({ kvkNumber: organisation.kvkNumber, organisationId: organisation.organisationId }).commit(),
          user
            .patch({ userId: organisation.ownerUserId })
            .set({ organisationId: organisation.organisationId, role: 'owner' })
            .remove(['rejectedRegistration'])
            .where(({ organisationId }, { notExists }) => notExists(organisationId))
            .commit(),
        ])
        .go();
      if (!result.canceled) return 'registered';
      // A concurrent registration by the same person, or of the same number, is a lost race like a failed guard.
      if (lostRaceOn(result, 2)) return 'alreadyMember';
      if (lostRaceOn(result, 1)) return 'kvkNumberTaken';
      throw new Error(`Registering organisation ${organisation.organisationId} failed: ${JSON.stringify(result.data.map((item) => item.code))}`);
    },

    async organisation(organisationId) {
      return (await organisations.get({ organisationId }).go({ consistent: true })).data ?? undefined;
    },

    async change(organisationId, expectedVersion, { set, remove = [] }, email) {
      const { kept, emptied } = splitEmptySets(set);
      const removed: (keyof OrganisationChanges)[] = [...remove, ...emptied];
      // The directory's entries follow from the whole organisation: read it, and write only over the version read.
      const before = touchesDirectory(set, removed) ? (await organisations.get({ organisationId }).go({ consistent: true })).data : undefined;
      if (before !== undefined && before?.version !== expectedVersion) return false;
      const result = await service.transaction
        .write(({ organisations: org, outboxEvents: events, firmListings: entries }) => [
          (removed.length ? org.patch({ organisationId }).set(kept).remove(removed) : org.patch({ organisationId }).set(kept))
            .where(({ version }, { eq }) => eq(version, expectedVersion))
            .commit(),
          ...(email ? [events.create(outboxItem(newId(), email)).commit()] : []),
          ...(before ? firmListingWrites(entries, before, changed(before, set, removed)) : []),
        ])
        .go();
      return guardsHeld(result, `Changing organisation ${organisationId}`);
    },

    async decide(organisation, expectedVersion, { set, remove = [], kvkClaim, membershipsEnd = [], ownerSeesRejection, ownerRejoins = false }, email) {
      const { organisationId, kvkNumber, ownerUserId } = organisation;
      const { kept, emptied } = splitEmptySets(set);
      const removed: (keyof OrganisationChanges)[] = [...remove, ...emptied];
      const result = await service.transaction
        .write(({ organisations: org, kvkClaims: claim, users: user, outboxEvents: events, firmListings: entries }) => [
          (removed.length ? org.patch({ organisationId }).set(kept).remove(removed) : org.patch({ organisationId }).set(kept))
            .where(({ version }, { eq }) => eq(version, expectedVersion))
            .commit(),
          ...(kvkClaim === 'hold'
            ? [
                claim
                  .put({ kvkNumber, organisationId })
                  .where((attributes, { notExists, eq }) => `${notExists(attributes.organisationId)} OR ${eq(attributes.organisationId, organisationId)}`)
                  .commit(),
              ]
            : kvkClaim === 'release'
              ? // Gone already is released; a claim another organisation made since is never touched.
                [
                  claim
                    .delete({ kvkNumber })
                    .where((attributes, { notExists, eq }) => `${notExists(attributes.organisationId)} OR ${eq(attributes.organisationId, organisationId)}`)
                    .commit(),
                ]
              : []),
          ...(ownerRejoins
            ? [
                user
                  .patch({ userId: ownerUserId })
                  .set({ organisationId, role: 'owner' })
                  .remove(['rejectedRegistration'])
                  .where((attributes, { notExists }) => `${notExists(attributes.organisationId)} AND ${notExists(attributes.erasedAt)}`)
                  .commit(),
              ]
            : []),
          ...membershipsEnd.map((userId) => {
            const member = user.patch({ userId });
            // One write per item in a transaction: the owner's membership ends in the same one that tells them why.
            const ended =
              userId === ownerUserId && ownerSeesRejection
                ? member.set({ rejectedRegistration: ownerSeesRejection }).remove(['organisationId', 'role'])
                : member.remove(['organisationId', 'role']);
            return ended.where((attributes, { eq }) => eq(attributes.organisationId, organisationId)).commit();
          }),
          ...(email ? [events.create(outboxItem(newId(), email)).commit()] : []),
          ...(touchesDirectory(set, removed) ? firmListingWrites(entries, organisation, changed(organisation, set, removed)) : []),
        ])
        .go();
      if (!result.canceled) return 'written';
      if (lostRaceOn(result, 0)) return 'stale';
      if (kvkClaim === 'hold' && lostRaceOn(result, 1)) return 'kvkNumberTaken';
      if (ownerRejoins && lostRaceOn(result, kvkClaim ? 2 : 1)) return 'ownerTaken';
      // A member who left or moved meanwhile, or any concurrent transaction: what staff read is stale.
      if (lostRace(result)) return 'stale';
      throw new Error(`Deciding on organisation ${organisationId} failed: ${JSON.stringify(result.data.map((item) => item.code))}`);
    },

    async endMemberSessions(organisationId) {
      let members: string | null = null;
      do {
        const page: { data: { userId: string }[]; cursor: string | null } = await users.query.byOrganisation({ organisationId }).go({ count: 25, cursor: members });
        for (const { userId } of page.data) {
          let sessionsPage: string | null = null;
          do {
            const found: { data: { sessionId: string }[]; cursor: string | null } = await sessions.query.byUser({ userId }).go({ count: 25, cursor: sessionsPage });
            if (found.data.length) await sessions.delete(found.data.map(({ sessionId }) => ({ sessionId }))).go();
            sessionsPage = found.cursor;
          } while (sessionsPage);
        }
        members = page.cursor;
      } while (members);
    },

    async byStatus(status, page) {
      const cursor = checkedCursor(page.cursor, organisations.query.byStatus({ status }));
      return pageOf((options) => organisations.query.byStatus({ status }).go(options), createConversions(organisations).byAccessPattern.byStatus.fromComposite.toCursor, {
        ...page,
        cursor,
      });
    },

    firms: (filters, page) => firmsPage(firmListings, organisations, filters, page),

    person,

    async personByEmail(email) {
      const { data: claim } = await emailClaims.get({ email }).go({ consistent: true });
      return claim ? person(claim.userId) : undefined;
    },

    async peopleByEmail(emails) {
      if (!emails.length) return [];
      // Two BatchGets whatever the number of addresses (ElectroDB splits them by 100 keys).
      const { data: claims } = await emailClaims.get(emails.map((email) => ({ email }))).go({ consistent: true });
      if (!claims.length) return [];
      return (await users.get(claims.map(({ userId }) => ({ userId }))).go({ consistent: true })).data;
    },

    async members(organisationId) {
      return (await users.query.byOrganisation({ organisationId }).go({ pages: 'all' })).data;
    },

    async invitationsOf(organisationId) {
      return (await invitations.query.byOrganisation({ organisationId }).go({ pages: 'all' })).data;
    },

    async invitationsFor(email) {
      return (await invitations.query.byEmail({ email }).go({ pages: 'all', consistent: true })).data;
    },

    async invite(invitation, email, allowance) {
      const { organisationId } = invitation;
      const now = Math.floor(allowance.at.getTime() / 1000);
      const result = await retriedOnContention(() =>
        service.transaction
          .write(({ organisations: org, invitations: invite, allowances: allowed, outboxEvents: events }) => [
            org
              .check({ organisationId })
              .where(({ status }, { eq }) => eq(status, 'verified'))
              .commit(),
            // An open invitation stays as it is: inviting the address again sends nothing.
            invite
              .put(invitation)
              .where(({ expiresAt }, { notExists, lte }) => `${notExists(expiresAt)} OR ${lte(expiresAt, now)}`)
              .commit(),
            allowanceUse(allowed, allowance),
            events.create(outboxItem(newId(), email)).commit(),
          ])
          .go(),
      );
      if (!result.canceled) return 'invited';
      if (refusedAt(result, 1)) return 'alreadyInvited';
      if (refusedAt(result, 0)) return 'notVerified';
      if (refusedAt(result, 2)) return 'allowanceUsedUp';
      if (lostRace(result)) return 'contended';
      throw new Error(`Inviting into organisation ${organisationId} failed: ${JSON.stringify(result.data.map((item) => item.code))}`);
    },

    async join(userId, invitation, at) {
      const { email, organisationId } = invitation;
      const result = await service.transaction
        .write(({ users: user, invitations: invite, organisations: org }) => [
          invite
            .delete({ email, organisationId })
            .where(({ expiresAt }, { gt }) => gt(expiresAt, Math.floor(at.getTime() / 1000)))
            .commit(),
          user
            .patch({ userId })
            .set({ organisationId, role: 'member' })
            .remove(['rejectedRegistration'])
            .where((attributes, { notExists }) => notExists(attributes.organisationId))
            .commit(),
          org
            .check({ organisationId })
            .where(({ status }, { eq }) => eq(status, 'verified'))
            .commit(),
        ])
        .go();
      if (!result.canceled) return 'joined';
      if (lostRaceOn(result, 0)) return 'noInvitation';
      if (lostRaceOn(result, 1)) return 'hasOrganisation';
      if (lostRaceOn(result, 2)) return 'notVerified';
      throw new Error(`Joining organisation ${organisationId} failed: ${JSON.stringify(result.data.map((item) => item.code))}`);
    },

    async decline(email, organisationId) {
      try {
        await invitations.remove({ email, organisationId }).go();
        return true;
      } catch (error) {
        if (lostRaceError(error)) return false;
        throw error;
      }
    },

    async leave(userId, organisationId) {
      try {
        await users
          .patch({ userId })
          .remove(['organisationId', 'role'])
          .where((attributes, { eq }) => eq(attributes.organisationId, organisationId))
          .go();
        return true;
      } catch (error) {
        if (lostRaceError(error)) return false;
        throw error;
      }
    },
  };
}
