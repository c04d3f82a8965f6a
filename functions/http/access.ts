import type { Caller } from './caller.ts';
import { HttpProblem, notFound } from './problem.ts';
import type { AccessRule } from './route.ts';

export const signInRequired = () => new HttpProblem(401, 'Unauthorized', 'Sign in first.');

type Person = Extract<Caller, { kind: 'person' }>;

function ownsPathOrganisation(caller: Person, params: Record<string, string | undefined>, role?: 'owner'): boolean {
  const membership = caller.membership;
  if (!membership || membership.organisationId !== params['organisationId']) return false;
  return role === undefined || membership.role === role;
}

function verifiedMemberOf(caller: Person, kind: 'commissioner' | 'creative'): boolean {
  return caller.membership?.organisationKind === kind && caller.membership.organisationStatus === 'verified';
}

/** Which organisation owns a resource named in the path; undefined if there is no such resource. */
export interface ResourceOwners {
  challenge(challengeId: string): Promise<string | undefined>;
}

async function postedChallenge(caller: Person, params: Record<string, string | undefined>, owners: ResourceOwners): Promise<boolean> {
  const challengeId = params['challengeId'];
  if (!challengeId || !verifiedMemberOf(caller, 'commissioner')) return false;
  return (await owners.challenge(challengeId)) === caller.membership?.organisationId;
}

/** Whether a signed-in person passes a rule; anonymous callers never pass a non-public one. */
async function allows(rule: Exclude<AccessRule, 'public'>, caller: Person, params: Record<string, string | undefined>, owners: ResourceOwners): Promise<boolean> {
  switch (rule) {
    case 'signedIn':
      return true;
    case 'staff':
      return caller.staff;
    case 'member':
      return ownsPathOrganisation(caller, params);
    case 'owner':
      return ownsPathOrganisation(caller, params, 'owner');
    case 'verifiedCommissioner':
      return verifiedMemberOf(caller, 'commissioner');
    case 'verifiedFirm':
      return verifiedMemberOf(caller, 'creative');
    case 'challengeCommissioner':
      return postedChallenge(caller, params, owners);
    default: {
      const unhandled: never = rule;
      throw new Error(`No check for access rule ${String(unhandled)}`);
    }
  }
}

/**
 * Checks a route's declared access rule before its handler runs: anonymous callers of a non-public
 * route get 401; a signed-in caller who may not see it gets 404, so nothing reveals that it exists.
 */
export async function authorise(rule: AccessRule, caller: Caller, params: Record<string, string | undefined>, owners: ResourceOwners): Promise<void> {
  if (rule === 'public') return;
  if (caller.kind === 'anonymous') throw signInRequired();
  if (!(await allows(rule, caller, params, owners))) throw notFound();
}
