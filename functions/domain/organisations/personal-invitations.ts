import type { Organisation, PersonalInvitation } from '#shared/organisation.ts';
import { conflictError, notFoundError } from '../errors.ts';
import { optional } from '../optional.ts';
import { findOrganisation } from './get-organisation.ts';
import { isLive } from './list-members.ts';
import type { OrganisationPorts, StoredInvitation } from './ports.ts';
import { organisationView } from './views.ts';

/** The signed-in person, as far as their own invitations go. */
export interface Invitee {
  userId: string;
  email: string;
}

const noInvitation = () => notFoundError('There is no open invitation for you from this organisation.');
const notVerified = (status: string) => conflictError(`This organisation is ${status}; you can join it only once staff have verified it.`);
const hasOrganisation = () => conflictError('You belong to an organisation already; leave it before you join another.');

/** The address's invitation from this organisation, if it is still open. */
async function openInvitation(invitee: Invitee, organisationId: string, ports: OrganisationPorts): Promise<StoredInvitation | undefined> {
  const invitations = await ports.store.invitationsFor(invitee.email);
  return invitations.find((invitation) => invitation.organisationId === organisationId && isLive(invitation, ports.now()));
}

/**
 * The signed-in person's open invitations, newest first, each with what they need to judge it:
 * 1. the invitations of their address that have not lapsed
 * 2. each with its organisation (name, KvK number, kind, status), who invited them and until when
 */
export async function personalInvitations(invitee: Invitee, ports: OrganisationPorts): Promise<{ items: PersonalInvitation[] }> {
  const now = ports.now();
  const open = (await ports.store.invitationsFor(invitee.email)).filter((invitation) => isLive(invitation, now));
  const items = await Promise.all(
    open.map(async (invitation) => {
      const [organisation, inviter] = await Promise.all([ports.store.organisation(invitation.organisationId), ports.store.person(invitation.invitedByUserId)]);
      if (!organisation) return [];
      const invitedBy = inviter && !inviter.erasedAt ? { ...optional('name', inviter.name), email: inviter.email } : null;
      return [
        {
          organisation: { id: organisation.organisationId, name: organisation.name, kvkNumber: organisation.kvkNumber, kind: organisation.kind, status: organisation.status },
          invitedBy,
          invitedAt: invitation.invitedAt,
          expiresAt: new Date(invitation.expiresAt * 1000).toISOString(),
        },
      ];
    }),
  );
  return { items: items.flat().sort((a, b) => b.invitedAt.localeCompare(a.invitedAt)) };
}

/**
 * The person accepts an invitation and joins the organisation as a member:
 * 1. find the open invitation of their address from this organisation (404 if none, or lapsed)
 * 2. refuse if they belong to an organisation already, or the organisation is not verified (409)
 * 3. join and use the invitation up in one transaction, only if all of that still holds when written
 * 4. answer the organisation, as its members see it
 */
export async function acceptInvitation(invitee: Invitee, organisationId: string, ports: OrganisationPorts): Promise<Organisation> {
  const invitation = await openInvitation(invitee, organisationId, ports);
  if (!invitation) throw noInvitation();
  const [person, organisation] = await Promise.all([ports.store.person(invitee.userId), findOrganisation(organisationId, ports.store)]);
  if (person?.organisationId) throw hasOrganisation();
  if (organisation.status !== 'verified') throw notVerified(organisation.status);
  const outcome = await ports.store.join(invitee.userId, invitation, ports.now());
  if (outcome === 'noInvitation') throw noInvitation();
  if (outcome === 'hasOrganisation') throw hasOrganisation();
  if (outcome === 'notVerified') throw notVerified((await findOrganisation(organisationId, ports.store)).status);
  return organisationView(organisation);
}

/** The person declines an invitation: it is deleted, and the organisation sees it no more (404 if there was none). */
export async function declineInvitation(invitee: Invitee, organisationId: string, ports: OrganisationPorts): Promise<void> {
  if (!(await openInvitation(invitee, organisationId, ports))) throw noInvitation();
  if (!(await ports.store.decline(invitee.email, organisationId))) throw noInvitation();
}
