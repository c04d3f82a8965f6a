import { conflictError, notFoundError, type DomainError } from '../errors.ts';
import { findOrganisation } from './get-organisation.ts';
import type { OrganisationStore } from './ports.ts';

/**
 * A membership ends:
 * 1. never the owner's (409): an organisation always keeps its owner
 * 2. clear the person's organisation and role, only if they are still a member of it (404 otherwise);
 *    their next request is answered without the membership, since every request re-reads it
 */
async function endMembership(organisationId: string, userId: string, store: OrganisationStore, refusals: { owner: DomainError; notMember: DomainError }): Promise<void> {
  const organisation = await findOrganisation(organisationId, store);
  if (userId === organisation.ownerUserId) throw refusals.owner;
  if (!(await store.leave(userId, organisationId))) throw refusals.notMember;
}

/** An owner removes a member (never themselves). */
export async function removeMember(organisationId: string, userId: string, store: OrganisationStore): Promise<void> {
  await endMembership(organisationId, userId, store, {
    owner: conflictError('The owner cannot be removed from the organisation.', 'params.userId'),
    notMember: notFoundError('This person is not a member of your organisation.'),
  });
}

/** A member leaves their organisation (its owner cannot). */
export async function leaveOrganisation(organisationId: string, userId: string, store: OrganisationStore): Promise<void> {
  await endMembership(organisationId, userId, store, {
    owner: conflictError('You own this organisation, so you cannot leave it: an organisation always keeps its owner.'),
    notMember: notFoundError('You are not a member of this organisation.'),
  });
}
