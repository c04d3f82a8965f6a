import { isLive } from './list-members.ts';
import type { OrganisationPorts } from './ports.ts';

/**
 * Lets a person who signs in join the organisation that invited their address (sign-in calls this
 * for a person without an organisation; the wiring carries `organisationPorts`):
 * 1. find the newest invitation of the address that has not lapsed; none: nothing happens
 * 2. make the person a member and use the invitation up, in one transaction, only if they still
 *    have no organisation (another sign-in may have beaten this one to it)
 */
export async function acceptInvitation(
  email: string,
  userId: string,
  { organisationPorts }: { organisationPorts: OrganisationPorts },
): Promise<void> {
  const { store, now } = organisationPorts;
  const [newest] = (await store.invitationsFor(email)).filter((invitation) => isLive(invitation, now())).sort((a, b) => b.invitedAt.localeCompare(a.invitedAt));
  if (newest) await store.join(userId, newest);
}
