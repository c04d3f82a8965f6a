import type { Organisation } from '#shared/organisation.ts';
import { conflictError } from '../errors.ts';
import { findOrganisation } from '../organisations/get-organisation.ts';
import type { OrganisationChanges, OrganisationPorts, OwedEmail, StoredOrganisation } from '../organisations/ports.ts';
import { directoryKeys, organisationView } from '../organisations/views.ts';

type Status = StoredOrganisation['status'];

/** Staff's decisions: which status each leads to, and from which statuses it may be taken. */
export const decisions = {
  verify: { from: ['pending', 'suspended'], to: 'verified', email: 'organisation.verified' },
  reject: { from: ['pending'], to: 'rejected', email: 'organisation.rejected' },
  suspend: { from: ['verified'], to: 'suspended', email: 'organisation.suspended' },
} as const satisfies Record<string, { from: readonly Status[]; to: Status; email: string }>;

export type Decision = { action: 'verify' } | { action: 'reject' | 'suspend'; reason: string };

function changesFor(decision: Decision, organisation: StoredOrganisation, now: Date) {
  const set: OrganisationChanges = { status: decisions[decision.action].to, version: organisation.version + 1 };
  const remove: (keyof OrganisationChanges)[] = [];
  if (decision.action === 'verify') {
    set.verifiedAt = now.toISOString();
    remove.push('statusReason');
    if (organisation.kind === 'creative') Object.assign(set, directoryKeys(organisation.name));
  } else {
    set.statusReason = decision.reason;
    if (organisation.directory) remove.push('directory', 'directoryName');
  }
  return { set, remove };
}

/**
 * Staff verify, reject or suspend an organisation:
 * 1. read it (404) and check that the decision may be taken from its current status (409 naming that status)
 * 2. verifying stamps `verifiedAt`, clears an earlier reason and lists a creative firm in the directory;
 *    rejecting and suspending keep the reason, and suspending takes a firm out of the directory
 * 3. write the change and the email telling the owner (in their language, with the reason) in one
 *    transaction, only if no one changed the organisation in between (409 otherwise)
 * A suspension bites at once: every request re-reads its organisation's status.
 */
export async function reviewOrganisation(organisationId: string, decision: Decision, ports: OrganisationPorts): Promise<Organisation> {
  const organisation = await findOrganisation(organisationId, ports.store);
  const rule = decisions[decision.action];
  if (!(rule.from as readonly Status[]).includes(organisation.status)) {
    throw conflictError(`This organisation is ${organisation.status}; only ${rule.from.join(' or ')} organisations can be given this decision.`);
  }
  const { set, remove } = changesFor(decision, organisation, ports.now());
  const owner = await ports.store.person(organisation.ownerUserId);
  // An owner who erased their account has no address left to tell.
  const email: OwedEmail | undefined =
    owner && !owner.erasedAt
      ? {
          type: rule.email,
          recipients: [{ email: owner.email, language: owner.language, ...(owner.name ? { name: owner.name } : {}) }],
          data: { organisationName: organisation.name, ...('reason' in decision ? { reason: decision.reason } : {}) },
        }
      : undefined;
  if (!(await ports.store.change(organisationId, organisation.version, { set, remove }, email))) {
    throw conflictError('Someone changed this organisation meanwhile. Reload it and decide again.');
  }
  const changed: StoredOrganisation = { ...organisation, ...set };
  for (const key of remove) delete changed[key];
  return organisationView(changed);
}
