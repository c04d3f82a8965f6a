import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Service } from 'electrodb';
import type {
  FirmFilters,
  OrganisationChanges,
  OrganisationStore,
} from '../domain/organisations/ports.ts';
import { checkedCursor, pageOf } from './pages.ts';
import { invitationEntity } from './invitation.entity.ts';
import { kvkClaimEntity, organisationEntity } from './organisation.entity.ts';
import { outboxEventEntity, outboxItem } from './outbox-event.entity.ts';
import { emailClaimEntity, userEntity } from './user.entity.ts';

const isConditionFailure = (error: unknown) => /conditional/i.test(String((error as Error)?.message ?? error));

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
  const service = new Service({ organisations, kvkClaims, users, invitations, outboxEvents }, { client, table });

  const person = async (userId: string) => (await users.get({ userId }).go({ consistent: true })).data ?? undefined;

  return {
    async register(organisation) {
      const { kept } = splitEmptySets(organisation);
      const { canceled, data } = await service.transaction
        .write(({ organisations: org, kvkClaims: claim, users: user }) => [
          org.create(kept).commit(),
          claim.create({ kvkNumber: organisation.kvkNumber, organisationId: organisation.organisationId }).commit(),
          user
            .patch({ userId: organisation.ownerUserId })
            .set({ organisationId: organisation.organisationId, role: 'owner' })
            .where(({ organisationId }, { notExists }) => notExists(organisationId))
            .commit(),
        ])
        .go();
      if (!canceled) return 'registered';
      if (data[2]?.code === 'ConditionalCheckFailed') return 'alreadyMember';
      if (data[1]?.code === 'ConditionalCheckFailed') return 'kvkNumberTaken';
      throw new Error(`Registering organisation ${organisation.organisationId} failed: ${JSON.stringify(data.map((item) => item.code))}`);
    },

    async organisation(organisationId) {
      return (await organisations.get({ organisationId }).go({ consistent: true })).data ?? undefined;
    },

    async change(organisationId, expectedVersion, { set, remove = [] }, email) {
      const { kept, emptied } = splitEmptySets(set);
      const removed: (keyof OrganisationChanges)[] = [...remove, ...emptied];
      const { canceled, data } = await service.transaction
        .write(({ organisations: org, outboxEvents: events }) => [
          (removed.length ? org.patch({ organisationId }).set(kept).remove(removed) : org.patch({ organisationId }).set(kept))
            .where(({ version }, { eq }) => eq(version, expectedVersion))
            .commit(),
          ...(email ? [events.create(outboxItem(newId(), email)).commit()] : []),
        ])
        .go();
      if (!canceled) return true;
      if (data[0]?.code === 'ConditionalCheckFailed') return false;
      throw new Error(`Changing organisation ${organisationId} failed: ${JSON.stringify(data.map((item) => item.code))}`);
    },

    async byStatus(status, page) {
      const cursor = checkedCursor(page.cursor, 'gsi1pk', `ORGSTATUS#${status}`);
      return pageOf((options) => organisations.query.byStatus({ status }).go(options), { ...page, cursor });
    },

    async firms(filters: FirmFilters, page) {
      const cursor = checkedCursor(page.cursor, 'gsi3pk', 'FIRMS#verified');
      // Filters narrow the one directory partition; every page is still one Query of gsi3, never a Scan.
      const query = organisations.query
        .directory({ directory: 'verified' })
        .where(({ subsector, disciplines, municipality, sizeBand }, { eq, contains }) =>
          [
            filters.subsector ? eq(subsector, filters.subsector) : '',
            filters.discipline ? contains(disciplines, filters.discipline) : '',
            filters.municipality ? eq(municipality, filters.municipality) : '',
            filters.size ? eq(sizeBand, filters.size) : '',
          ]
            .filter(Boolean)
            .join(' AND '),
        );
      return pageOf((options) => query.go(options), { ...page, cursor });
    },

    person,

    async personByEmail(email) {
      const { data: claim } = await emailClaims.get({ email }).go({ consistent: true });
      return claim ? person(claim.userId) : undefined;
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

    async invite(invitation, email) {
      await service.transaction
        .write(({ invitations: invite, outboxEvents: events }) => [invite.put(invitation).commit(), events.create(outboxItem(newId(), email)).commit()])
        .go()
        .then(({ canceled, data }) => {
          if (canceled) throw new Error(`Inviting ${invitation.email} failed: ${JSON.stringify(data.map((item) => item.code))}`);
        });
    },

    async join(userId, invitation) {
      const { canceled } = await service.transaction
        .write(({ users: user, invitations: invite }) => [
          user
            .patch({ userId })
            .set({ organisationId: invitation.organisationId, role: 'member' })
            .where(({ organisationId }, { notExists }) => notExists(organisationId))
            .commit(),
          invite.delete({ email: invitation.email, organisationId: invitation.organisationId }).commit(),
        ])
        .go();
      return !canceled;
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
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },
  };
}
