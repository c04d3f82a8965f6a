import type { RejectedRegistration } from '#shared/account.ts';
import type { Language } from '#shared/language.ts';
import type { DailyAllowance, DailyLimits } from '../daily-allowance.ts';
import type { OwedEmail, Page, PageRequest } from '../kernel.ts';
import type { commissionerTypes, disciplines, memberRoles, organisationKinds, organisationStatuses, sectors, sizeBands, subsectors } from '#shared/organisation.ts';

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

export interface FirmFilters {
  subsector?: OneOf<typeof subsectors>;
  discipline?: OneOf<typeof disciplines>;
  municipality?: string;
  size?: OneOf<typeof sizeBands>;
}

/** What a staff decision writes besides the organisation's own changes. */
export interface StaffDecisionWrite {
  set: OrganisationChanges;
  remove?: (keyof OrganisationChanges)[];
  kvkClaim?: 'hold' | 'release';
  /** Members whose membership ends (each only if still a member of this organisation). */
  membershipsEnd?: string[];
  /** What the owner's own pages tell them of the rejection, written as their membership ends. */
  ownerSeesRejection?: RejectedRegistration;
  /** The owner joins again (reopening a registration), and what they saw of its rejection is cleared. */
  ownerRejoins?: boolean;
}

/** The stored side of organisations, members and invitations. */
export interface OrganisationStore {
  /**
   * Organisation, KvK claim and owner in one transaction (clearing what the owner saw of an earlier
   * rejection); refused whole if the number is taken or the person has an organisation.
   */
  register(organisation: StoredOrganisation): Promise<'registered' | 'kvkNumberTaken' | 'alreadyMember'>;
  organisation(organisationId: string): Promise<StoredOrganisation | undefined>;
  /** Writes the changes (and the email they owe) only if the organisation is still at `expectedVersion`. */
  change(organisationId: string, expectedVersion: number, changes: { set: OrganisationChanges; remove?: (keyof OrganisationChanges)[] }, email?: OwedEmail): Promise<boolean>;
  /**
   * Writes a staff decision in one transaction, only if the organisation is still at `expectedVersion`:
   * the changes, its KvK claim held (taken if free, kept if its own) or released, the memberships that
   * end (the owner's with what they see of the rejection) and the owner who rejoins (only if they have
   * no organisation), and the email it owes.
   */
  decide(
    organisation: StoredOrganisation,
    expectedVersion: number,
    decision: StaffDecisionWrite,
    email?: OwedEmail,
  ): Promise<'written' | 'stale' | 'kvkNumberTaken' | 'ownerTaken'>;
  /** Ends every session of every member at once (sign-in starts a new one); members and sessions are read page by page. */
  endMemberSessions(organisationId: string): Promise<void>;
  byStatus(status: StoredOrganisation['status'], page: PageRequest): Promise<Page<StoredOrganisation>>;
  firms(filters: FirmFilters, page: PageRequest): Promise<Page<StoredOrganisation>>;
  person(userId: string): Promise<StoredPerson | undefined>;
  personByEmail(email: string): Promise<StoredPerson | undefined>;
  /** The accounts of those of these addresses that have one. */
  peopleByEmail(emails: readonly string[]): Promise<StoredPerson[]>;
  members(organisationId: string): Promise<StoredPerson[]>;
  invitationsOf(organisationId: string): Promise<StoredInvitation[]>;
  invitationsFor(email: string): Promise<StoredInvitation[]>;
  /**
   * Stores the invitation, uses one of the organisation's daily allowance and owes the invitation
   * email, in one transaction; only while the organisation is verified and the address has no open
   * invitation from it (a lapsed one is replaced). `contended`: it kept losing to concurrent
   * transactions on the same items.
   */
  invite(invitation: StoredInvitation, email: OwedEmail, allowance: DailyAllowance): Promise<'invited' | 'alreadyInvited' | 'notVerified' | 'allowanceUsedUp' | 'contended'>;
  /**
   * The person joins as a member (clearing what they saw of a rejected registration) and the invitation
   * is used up, in one transaction; only while the invitation is open at `at`, the person has no
   * organisation and the organisation is verified.
   */
  join(userId: string, invitation: StoredInvitation, at: Date): Promise<'joined' | 'noInvitation' | 'hasOrganisation' | 'notVerified'>;
  /** Deletes the invitation; false if there was none. */
  decline(email: string, organisationId: string): Promise<boolean>;
  /** Clears the person's membership, only if they are still a member of this organisation. */
  leave(userId: string, organisationId: string): Promise<boolean>;
}

/** What the organisation use cases need: the store, the daily limits on the email they send, a clock and ids. */
export interface OrganisationPorts {
  store: OrganisationStore;
  limits: DailyLimits;
  now(): Date;
  newId(): string;
}
