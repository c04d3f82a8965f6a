import type { Language } from '#shared/language.ts';
import type { Members } from '#shared/organisation.ts';
import { allowanceUsedUp } from '../daily-allowance.ts';
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

/** Why an organisation that is not verified cannot invite, in its owner's words. */
const notVerifiedToInvite = (status: string) => conflictError(`Your organisation is ${status}; only a verified organisation can invite colleagues.`);

/**
 * An owner invites a colleague by email:
 * 1. refuse while the organisation is not verified (409 naming its status): an unverified sender
 *    must not make Crossover email anyone
 * 2. refuse an address that is a member of this organisation already (409 naming body.email)
 * 3. in one transaction: store the invitation, valid 30 days, use one of the organisation's daily
 *    invitations (429 with Retry-After when used up) and owe the invitation email in the inviter's
 *    language; an address with an open invitation keeps it and gets no second email
 * 4. answer the members and open invitations
 */
export async function inviteMember(organisationId: string, inviter: Inviter, email: string, ports: OrganisationPorts): Promise<Members> {
  const organisation = await findOrganisation(organisationId, ports.store);
  if (organisation.status !== 'verified') throw notVerifiedToInvite(organisation.status);
  const existing = await ports.store.personByEmail(email);
  if (existing?.organisationId === organisationId) throw conflictError('This person is a member of your organisation already.', 'body.email');
  const now = ports.now();
  const outcome = await ports.store.invite(
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
    { scope: `member-invitations#${organisationId}`, cap: ports.limits.memberInvitationsPerOrganisation, at: now },
  );
  // A status changed since it was read (staff suspended it meanwhile) is refused like one read so.
  if (outcome === 'notVerified') throw notVerifiedToInvite((await findOrganisation(organisationId, ports.store)).status);
  if (outcome === 'contended') throw conflictError('Many invitations are being sent at this moment; try again.');
  if (outcome === 'allowanceUsedUp') {
    throw allowanceUsedUp(`Your organisation has sent ${ports.limits.memberInvitationsPerOrganisation} invitations today, the most a day allows; try again tomorrow.`, now);
  }
  return listMembers(organisationId, ports.store, now);
}
