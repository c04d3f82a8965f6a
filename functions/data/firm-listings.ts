import { createConversions } from 'electrodb';
import type { FirmFilters, OrganisationChanges, StoredOrganisation } from '../domain/organisations/ports.ts';
import type { Page, PageRequest } from '../domain/kernel.ts';
import type { FirmListing, FirmListingEntity, FirmListingsInTransaction } from './firm-listing.entity.ts';
import type { OrganisationEntity } from './organisation.entity.ts';
import { checkedCursor, pageOf } from './pages.ts';

/** The directory's entries of an organisation: one per facet value while it is a verified creative firm, none otherwise. */
export function firmEntries(organisation: StoredOrganisation) {
  const { directory, directoryName, subsector, disciplines = [], municipality, sizeBand, organisationId } = organisation;
  if (!directory || directoryName === undefined || !subsector) return [];
  const entry = { organisationId, directoryName, subsector, disciplines: [...disciplines], municipality, sizeBand };
  return [`subsector:${subsector}`, ...disciplines.map((discipline) => `discipline:${discipline}`), `municipality:${municipality}`, `size:${sizeBand}`].map((key) => ({
    key,
    ...entry,
  }));
}

const directoryFields: readonly (keyof OrganisationChanges)[] = ['directory', 'directoryName', 'subsector', 'disciplines', 'municipality', 'sizeBand'];

/** Does this change touch the directory (a firm verified, suspended, renamed, or a facet changed)? */
export const touchesDirectory = (set: OrganisationChanges, remove: readonly (keyof OrganisationChanges)[] = []) =>
  directoryFields.some((field) => field in set || remove.includes(field));

/** The transaction items that move an organisation's entries from `before` to `after`: stale ones deleted, current ones written. */
export function firmListingWrites(listings: FirmListingsInTransaction, before: StoredOrganisation, after: StoredOrganisation) {
  const current = firmEntries(after);
  const kept = new Set(current.map(({ key, directoryName }) => `${key}#${directoryName}`));
  const stale = firmEntries(before).filter(({ key, directoryName }) => !kept.has(`${key}#${directoryName}`));
  return [
    ...stale.map(({ key, directoryName, organisationId }) => listings.delete({ key, directoryName, organisationId }).commit()),
    ...current.map((entry) => listings.put(entry).commit()),
  ];
}

/**
 * Verified creative firms by name: without filters the directory index itself, else the entries of
 * one facet (the municipality, discipline, subsector or size asked for, in that order) with the others
 * checked on each entry; one Query of at most `limit + 1` items, then one BatchGet of the page.
 */
export async function firmsPage(listings: FirmListingEntity, organisations: OrganisationEntity, filters: FirmFilters, page: PageRequest): Promise<Page<StoredOrganisation>> {
  const facets: [string, string | undefined][] = [
    ['municipality', filters.municipality],
    ['discipline', filters.discipline],
    ['subsector', filters.subsector],
    ['size', filters.size],
  ];
  const facet = facets.find(([, value]) => value);
  if (!facet) {
    const cursor = checkedCursor(page.cursor, organisations.query.directory({ directory: 'verified' }));
    const toCursor = createConversions(organisations).byAccessPattern.directory.fromComposite.toCursor;
    return pageOf<StoredOrganisation>(
      (options) => organisations.query.directory({ directory: 'verified' }).go(options),
      (firm) => toCursor({ ...firm, directory: 'verified', directoryName: firm.directoryName ?? '' }),
      { ...page, cursor },
    );
  }
  const key = `${facet[0]}:${facet[1]}`;
  const cursor = checkedCursor(page.cursor, listings.query.byFacet({ key }));
  const entries = await pageOf<FirmListing>(
    (options) =>
      listings.query
        .byFacet({ key })
        .where(({ subsector, disciplines, municipality, sizeBand }, { eq, contains }) =>
          [
            filters.subsector && facet[0] !== 'subsector' ? eq(subsector, filters.subsector) : '',
            filters.discipline && facet[0] !== 'discipline' ? contains(disciplines, filters.discipline) : '',
            filters.municipality && facet[0] !== 'municipality' ? eq(municipality, filters.municipality) : '',
            filters.size && facet[0] !== 'size' ? eq(sizeBand, filters.size) : '',
          ]
            .filter(Boolean)
            .join(' AND '),
        )
        .go(options),
    createConversions(listings).byAccessPattern.byFacet.fromComposite.toCursor,
    { ...page, cursor },
  );
  if (!entries.items.length) return { items: [], cursor: entries.cursor };
  const { data } = await organisations.get(entries.items.map(({ organisationId }) => ({ organisationId }))).go({ preserveBatchOrder: true });
  // An entry and its firm change in one transaction; one read between them is dropped, not shown stale.
  const items = data.filter((firm): firm is NonNullable<typeof firm> => Boolean(firm?.directory));
  return { items, cursor: entries.cursor };
}
