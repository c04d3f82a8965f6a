import type { Organisation } from '#shared/organisation.ts';
import { notFoundError } from '../errors.ts';
import type { OrganisationStore, StoredOrganisation } from './ports.ts';
import { organisationView } from './views.ts';

/** The stored organisation, or 404. */
export async function findOrganisation(organisationId: string, store: OrganisationStore): Promise<StoredOrganisation> {
  const organisation = await store.organisation(organisationId);
  if (!organisation) throw notFoundError('There is no such organisation.');
  return organisation;
}

/** An organisation as its members see it. */
export async function getOrganisation(organisationId: string, store: OrganisationStore): Promise<Organisation> {
  return organisationView(await findOrganisation(organisationId, store));
}
