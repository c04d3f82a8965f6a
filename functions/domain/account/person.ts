import type { RejectedRegistration } from '#shared/account.ts';
import type { Language } from '#shared/language.ts';
import type { memberRoles, organisationKinds, organisationStatuses } from '#shared/organisation.ts';

/** A person's organisation and role in it, as the session check reads them on each request. */
export interface Membership {
  organisationId: string;
  organisationName: string;
  organisationKind: (typeof organisationKinds)[number];
  organisationStatus: (typeof organisationStatuses)[number];
  role: (typeof memberRoles)[number];
}

/** A signed-in person with their session, staff flag and membership. */
export interface Person {
  kind: 'person';
  userId: string;
  email: string;
  name?: string;
  language: Language;
  sessionId: string;
  staff: boolean;
  membership: Membership | null;
  /** Read with the person (no request of its own): their registration, if staff rejected it since they last belonged to one. */
  rejectedRegistration?: RejectedRegistration;
}
