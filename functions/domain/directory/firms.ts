import type { Firm } from '#shared/organisation.ts';
import { notFoundError } from '../errors.ts';
import type { FirmFilters, OrganisationStore } from '../organisations/ports.ts';
import type { Page, PageRequest } from '../kernel.ts';
import { firmView, isListedFirm } from '../organisations/views.ts';

/** The directory: verified creative firms by name, narrowed by subsector, discipline, municipality and size. */
export async function listFirms(filters: FirmFilters, page: PageRequest, store: OrganisationStore): Promise<Page<Firm>> {
  const { items, cursor } = await store.firms(filters, page);
  return { items: items.map(firmView), cursor };
}

/** A firm's public profile; anything but a verified creative firm is not there (404). */
export async function getFirm(firmId: string, store: OrganisationStore): Promise<Firm> {
  const organisation = await store.organisation(firmId);
  if (!organisation || !isListedFirm(organisation)) throw notFoundError('There is no such firm in the directory.');
  return firmView(organisation);
}
