import { conflictError, notFoundError } from '../errors.ts';
import { findOrganisation } from './get-organisation.ts';
import type { OrganisationStore } from './ports.ts';

/**
 * An owner removes a member:
 * 1. refuse to remove the owner, themselves included (409): an organisation always keeps its owner
 * 2. clear the member's organisation and role, only if they are still a member of it (404 otherwise);
 *    their next request is answered without the membership, since every request re-reads it
 */
export async function removeMember(organisationId: string, userId: string, store: OrganisationStore): Promise<void> {
  const organisation = await findOrganisation(organisationId, store);
  if (userId === organisation.ownerUserId) throw conflictError('The owner cannot be removed from the organisation.', 'params.userId');
  if (!(await store.leave(userId, organisationId))) throw notFoundError('This person is not a member of your organisation.');
}
