import type { Firm, Organisation } from '#shared/organisation.ts';
import { optional } from '../optional.ts';
import type { StoredOrganisation } from './ports.ts';

/** An organisation as its members and staff see it. */
export function organisationView(stored: StoredOrganisation): Organisation {
  const common = {
    id: stored.organisationId,
    name: stored.name,
    kvkNumber: stored.kvkNumber,
    municipality: stored.municipality,
    website: stored.website,
    description: stored.description,
    sizeBand: stored.sizeBand,
    status: stored.status,
    ...optional('statusReason', stored.statusReason),
    createdAt: stored.createdAt,
    ...optional('verifiedAt', stored.verifiedAt),
    version: stored.version,
  };
  if (stored.kind === 'commissioner') {
    return { ...common, kind: 'commissioner', sector: stored.sector!, commissionerType: stored.commissionerType! };
  }
  return { ...common, kind: 'creative', ...creativeFields(stored) };
}

function creativeFields(stored: StoredOrganisation) {
  return {
    subsector: stored.subsector!,
    disciplines: [...(stored.disciplines ?? [])].sort(),
    sectorsServed: [...(stored.sectorsServed ?? [])].sort(),
    foundedYear: stored.foundedYear!,
    internationalAmbition: stored.internationalAmbition ?? false,
    portfolioLinks: stored.portfolioLinks ?? [],
  };
}

/** A verified creative firm as the public directory shows it: no KvK number, status or history. */
export function firmView(stored: StoredOrganisation): Firm {
  return {
    id: stored.organisationId,
    name: stored.name,
    municipality: stored.municipality,
    website: stored.website,
    description: stored.description,
    sizeBand: stored.sizeBand,
    ...creativeFields(stored),
  };
}

/** Whether the public directory lists it. */
export const isListedFirm = (stored: StoredOrganisation) => stored.kind === 'creative' && stored.status === 'verified';

/** The directory keys of a verified creative firm: listed under its name, sorted without regard to case. */
export const directoryKeys = (name: string) => ({ directory: 'verified' as const, directoryName: name.toLocaleLowerCase('nl') });
