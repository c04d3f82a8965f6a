import type { Organisation } from '#shared/organisation.ts';
import { conflictError } from '../errors.ts';
import { findOrganisation } from '../organisations/get-organisation.ts';
import type { OrganisationChanges, OrganisationPorts, StaffDecisionWrite, StoredOrganisation } from '../organisations/ports.ts';
import type { EmailType, OwedEmail } from '../kernel.ts';
import { directoryKeys, organisationView } from '../organisations/views.ts';

type Status = StoredOrganisation['status'];

/** Staff's decisions: from which statuses each may be taken, and the status it leads to from each. */
export const decisions = {
  verify: { pending: 'verified', suspended: 'verified' },
  reject: { pending: 'rejected' },
  suspend: { verified: 'suspended' },
  reopen: { rejected: 'pending' },
  // A disputed KvK number: a registration still waiting is rejected, a verified one suspended.
  releaseKvk: { pending: 'rejected', verified: 'suspended', suspended: 'suspended' },
} as const satisfies Record<string, Partial<Record<Status, Status>>>;

/** The email telling the owner of the outcome; a reopened registration simply waits in the queue again. */
const emailOf: Partial<Record<Status, EmailType>> = { verified: 'organisation.verified', rejected: 'organisation.rejected', suspended: 'organisation.suspended' };

export type Decision = { action: 'verify' | 'reopen' } | { action: 'reject' | 'suspend' | 'releaseKvk'; reason: string };

/**
 * What reaching each status writes besides the status itself:
 * - verified: stamped, its reason cleared, a firm listed in the directory; it holds its KvK number
 *   again (after a suspension that released it, only if no one else took it meanwhile)
 * - rejected: the KvK number is free for the rightful company, and the members (the owner always
 *   among them) are free to register anew; the organisation stays as a record, and the owner's own
 *   pages say it was rejected and why, since no organisation page of theirs is left to say it
 * - suspended: out of the directory; a released KvK number is freed
 * - pending (reopened): the KvK number is claimed again if still free, and the owner rejoins
 */
function writeFor(decision: Decision, organisation: StoredOrganisation, to: Status, members: string[], ownerToTell: boolean, now: Date): StaffDecisionWrite {
  const set: OrganisationChanges = { status: to, version: organisation.version + 1 };
  const remove: (keyof OrganisationChanges)[] = [];
  if ('reason' in decision) set.statusReason = decision.reason;
  else if (organisation.statusReason) remove.push('statusReason');
  if (to === 'verified') {
    set.verifiedAt = now.toISOString();
    if (organisation.kind === 'creative') Object.assign(set, directoryKeys(organisation.name));
    return { set, remove, kvkClaim: 'hold' };
  }
  if (organisation.directory) remove.push('directory', 'directoryName');
  if (to === 'rejected') {
    const ownerSeesRejection = ownerToTell && 'reason' in decision ? { organisationName: organisation.name, reason: decision.reason, rejectedAt: now.toISOString() } : undefined;
    return { set, remove, kvkClaim: 'release', membershipsEnd: members, ...(ownerSeesRejection ? { ownerSeesRejection } : {}) };
  }
  if (to === 'pending') return { set, remove, kvkClaim: 'hold', ownerRejoins: true };
  return { set, remove, ...(decision.action === 'releaseKvk' ? { kvkClaim: 'release' as const } : {}) };
}

/**
 * Staff verify, reject, suspend or reopen an organisation, or release its disputed KvK number:
 * 1. read it (404) and check that the decision may be taken from its current status (409 naming that status)
 * 2. work out what the new status writes (see `writeFor`): directory, KvK claim, memberships, what
 *    the owner sees of a rejection
 * 3. write all of it and the email telling the owner (in their language, with the reason) in one
 *    transaction, only if no one changed the organisation in between (409 otherwise), its KvK number
 *    is still free where it is claimed again (409 naming the number) and a rejoining owner has no
 *    other organisation (409)
 * 4. a suspension ends every member's sessions: they may sign in again, to read but change nothing
 */
export async function reviewOrganisation(organisationId: string, decision: Decision, ports: OrganisationPorts): Promise<Organisation> {
  const organisation = await findOrganisation(organisationId, ports.store);
  const outcomes: Partial<Record<Status, Status>> = decisions[decision.action];
  const to = outcomes[organisation.status];
  if (!to) {
    throw conflictError(`This organisation is ${organisation.status}; only ${Object.keys(outcomes).join(' or ')} organisations can be given this decision.`);
  }
  // The owner is named even if the members index has not caught up with them yet (a reopened registration).
  const members = to === 'rejected' ? [...new Set([organisation.ownerUserId, ...(await ports.store.members(organisationId)).map((member) => member.userId)])] : [];
  const person = await ports.store.person(organisation.ownerUserId);
  // An owner who erased their account has no address left to tell, nor pages to see.
  const owner = person && !person.erasedAt ? person : undefined;
  const write = writeFor(decision, organisation, to, members, !!owner, ports.now());
  const type = emailOf[to];
  const email: OwedEmail | undefined =
    type && owner
      ? {
          type,
          recipients: [{ email: owner.email, language: owner.language, ...(owner.name ? { name: owner.name } : {}) }],
          data: { organisationName: organisation.name, ...('reason' in decision ? { reason: decision.reason } : {}) },
        }
      : undefined;
  const outcome = await ports.store.decide(organisation, organisation.version, write, email);
  if (outcome === 'kvkNumberTaken') {
    throw conflictError(`KvK number ${organisation.kvkNumber} now belongs to another organisation; resolve that registration first.`);
  }
  if (outcome === 'ownerTaken') throw conflictError('The owner of this registration belongs to another organisation now, or erased their account.');
  if (outcome === 'stale') throw conflictError('Someone changed this organisation meanwhile. Reload it and decide again.');
  if (to === 'suspended') await ports.store.endMemberSessions(organisationId);
  const changed: StoredOrganisation = { ...organisation, ...write.set };
  for (const key of write.remove ?? []) delete changed[key];
  return organisationView(changed);
}
