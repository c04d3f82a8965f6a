import type { Language } from '#shared/language.ts';
import type { Members } from '#shared/organisation.ts';
import { conflictError } from '../errors.ts';
import { findOrganisation } from './get-organisation.ts';
import { listMembers } from './list-members.ts';
import type { OrganisationPorts } from './ports.ts';

/** How long an invitation can be accepted. */
export const INVITATION_LIFETIME_DAYS = 30;

export interface Inviter {
  userId: string;
  email: string;
  name?: string;
  language: Language;
}

/**
 * An owner invites a colleague by email:
 * 1. refuse an address that is a member of this organisation already (409 naming body.email)
 * 2. store the invitation, valid 30 days (inviting again replaces it, so it starts afresh), and the
 *    invitation email in the inviter's language, in one transaction
 * 3. answer the members and open invitations
 */
export async function inviteMember(organisationId: string, inviter: Inviter, email: string, ports: OrganisationPorts): Promise<Members> {
  const organisation = await findOrganisation(organisationId, ports.store);
  const existing = await ports.store.personByEmail(email);
  if (existing?.organisationId === organisationId) throw conflictError('This person is a member of your organisation already.', 'body.email');
  const now = ports.now();
  await ports.store.invite(
    {
      email,
      organisationId,
      invitedByUserId: inviter.userId,
      invitedAt: now.toISOString(),
      expiresAt: Math.floor(now.getTime() / 1000) + INVITATION_LIFETIME_DAYS * 24 * 60 * 60,
    },
    {
      type: 'organisation.invitation',
      recipients: [{ email, language: inviter.language }],
      data: { organisationName: organisation.name, inviterName: inviter.name ?? inviter.email, email, validDays: INVITATION_LIFETIME_DAYS },
    },
  );
  return listMembers(organisationId, ports.store, now);
}
