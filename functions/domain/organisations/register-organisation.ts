import type { Organisation, RegisterOrganisation } from '#shared/organisation.ts';
import { conflictError } from '../errors.ts';
import type { OrganisationPorts, StoredOrganisation } from './ports.ts';
import { organisationView } from './views.ts';

/**
 * Registers a signed-in person's organisation, with them as its owner:
 * 1. make the organisation: pending verification, version 1
 * 2. store it, claim its KvK number and make the person its owner, in one transaction
 * 3. a taken KvK number, or a person who already belongs to an organisation, refuses the whole of it (409)
 */
export async function registerOrganisation(userId: string, input: RegisterOrganisation, ports: OrganisationPorts): Promise<Organisation> {
  const organisation: StoredOrganisation = {
    ...input,
    organisationId: ports.newId(),
    status: 'pending',
    ownerUserId: userId,
    createdAt: ports.now().toISOString(),
    version: 1,
  };
  const outcome = await ports.store.register(organisation);
  if (outcome === 'alreadyMember') throw conflictError('You already belong to an organisation.');
  if (outcome === 'kvkNumberTaken') throw conflictError('An organisation with this KvK number is registered already.', 'body.kvkNumber');
  return organisationView(organisation);
}
