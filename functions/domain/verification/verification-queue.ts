import type { Organisation } from '#shared/organisation.ts';
import type { OrganisationStore, StoredOrganisation } from '../organisations/ports.ts';
import type { Page, PageRequest } from '../kernel.ts';
import { organisationView } from '../organisations/views.ts';

/** The organisations with a status, oldest first, one page at a time: the verification queue. */
export async function verificationQueue(status: StoredOrganisation['status'], page: PageRequest, store: OrganisationStore): Promise<Page<Organisation>> {
  const { items, cursor } = await store.byStatus(status, page);
  return { items: items.map(organisationView), cursor };
}
