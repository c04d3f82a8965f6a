import type { Members } from '#shared/organisation.ts';
import type { OrganisationStore, StoredInvitation } from './ports.ts';

/** An invitation counts until it lapses, whether or not DynamoDB's TTL has removed it yet. */
export const isLive = (invitation: StoredInvitation, now: Date) => invitation.expiresAt > Math.floor(now.getTime() / 1000);

/**
 * The organisation's members and its open invitations:
 * 1. the people whose membership names the organisation (the owner first)
 * 2. its invitations that have not lapsed, newest first
 */
export async function listMembers(organisationId: string, store: OrganisationStore, now: Date): Promise<Members> {
  const [people, invitations] = await Promise.all([store.members(organisationId), store.invitationsOf(organisationId)]);
  const members = people
    .filter((person) => person.role && !person.erasedAt)
    .map((person) => ({ userId: person.userId, email: person.email, ...(person.name ? { name: person.name } : {}), role: person.role! }))
    .sort((a, b) => Number(b.role === 'owner') - Number(a.role === 'owner'));
  const open = invitations
    .filter((invitation) => isLive(invitation, now))
    .sort((a, b) => b.invitedAt.localeCompare(a.invitedAt))
    .map(({ email, invitedAt }) => ({ email, invitedAt }));
  return { members, invitations: open };
}
