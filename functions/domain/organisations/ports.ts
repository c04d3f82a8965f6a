import type { Language } from '#shared/language.ts';
import type {
  commissionerTypes,
  disciplines,
  memberRoles,
  organisationKinds,
  organisationStatuses,
  sectors,
  sizeBands,
  subsectors,
} from '#shared/organisation.ts';

type OneOf<T extends readonly string[]> = T[number];

/** An organisation as it is stored; kind-specific fields are absent for the other kind. */
export interface StoredOrganisation {
  organisationId: string;
  kind: OneOf<typeof organisationKinds>;
  name: string;
  kvkNumber: string;
  municipality: string;
  website: string;
  description: string;
  sizeBand: OneOf<typeof sizeBands>;
  sector?: OneOf<typeof sectors>;
  commissionerType?: OneOf<typeof commissionerTypes>;
  subsector?: OneOf<typeof subsectors>;
  disciplines?: OneOf<typeof disciplines>[];
  sectorsServed?: OneOf<typeof sectors>[];
  foundedYear?: number;
  internationalAmbition?: boolean;
  portfolioLinks?: string[];
  status: OneOf<typeof organisationStatuses>;
  statusReason?: string;
  ownerUserId: string;
  createdAt: string;
  verifiedAt?: string;
  version: number;
  /** Present only while it is a verified creative firm: it is listed in the directory. */
  directory?: string;
  directoryName?: string;
}

/** The fields an edit may set; `remove` names the ones it clears. */
export type OrganisationChanges = Partial<Omit<StoredOrganisation, 'organisationId' | 'kind' | 'kvkNumber' | 'createdAt' | 'ownerUserId'>>;

export interface StoredPerson {
  userId: string;
  email: string;
  name?: string;
  language: Language;
  organisationId?: string;
  role?: OneOf<typeof memberRoles>;
  erasedAt?: string;
}

export interface StoredInvitation {
  email: string;
  organisationId: string;
  invitedByUserId: string;
  invitedAt: string;
  /** Epoch seconds. */
  expiresAt: number;
}

/** An email owed by a change, written in the same transaction as the change (the outbox). */
export interface OwedEmail {
  type: string;
  recipients: { email: string; language: Language; name?: string }[];
  data: Record<string, unknown>;
}

export interface Page<T> {
  items: T[];
  /** Where the next page starts; null on the last page. */
  cursor: string | null;
}

export interface PageRequest {
  limit: number;
  cursor?: string;
}

export interface FirmFilters {
  subsector?: OneOf<typeof subsectors>;
  discipline?: OneOf<typeof disciplines>;
  municipality?: string;
  size?: OneOf<typeof sizeBands>;
}

/** The stored side of organisations, members and invitations. */
export interface OrganisationStore {
  /** Organisation, KvK claim and owner in one transaction; refused whole if the number is taken or the person has an organisation. */
  register(organisation: StoredOrganisation): Promise<'registered' | 'kvkNumberTaken' | 'alreadyMember'>;
  organisation(organisationId: string): Promise<StoredOrganisation | undefined>;
  /** Writes the changes (and the email they owe) only if the organisation is still at `expectedVersion`. */
  change(
    organisationId: string,
    expectedVersion: number,
    changes: { set: OrganisationChanges; remove?: (keyof OrganisationChanges)[] },
    email?: OwedEmail,
  ): Promise<boolean>;
  byStatus(status: StoredOrganisation['status'], page: PageRequest): Promise<Page<StoredOrganisation>>;
  firms(filters: FirmFilters, page: PageRequest): Promise<Page<StoredOrganisation>>;
  person(userId: string): Promise<StoredPerson | undefined>;
  personByEmail(email: string): Promise<StoredPerson | undefined>;
  members(organisationId: string): Promise<StoredPerson[]>;
  invitationsOf(organisationId: string): Promise<StoredInvitation[]>;
  invitationsFor(email: string): Promise<StoredInvitation[]>;
  /** Stores (or replaces) the invitation and the invitation email in one transaction. */
  invite(invitation: StoredInvitation, email: OwedEmail): Promise<void>;
  /** The person joins as a member and the invitation is used up, in one transaction; false if they have an organisation meanwhile. */
  join(userId: string, invitation: StoredInvitation): Promise<boolean>;
  /** Clears the person's membership, only if they are still a member of this organisation. */
  leave(userId: string, organisationId: string): Promise<boolean>;
}

/** What the organisation use cases need: the store, a clock and ids. */
export interface OrganisationPorts {
  store: OrganisationStore;
  now(): Date;
  newId(): string;
}
