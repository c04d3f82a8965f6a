import type { Caller } from './caller.ts';
import { HttpProblem, notFound } from './problem.ts';
import type { AccessRule, RouteDefinition, UnverifiedStatus } from './route.ts';

export const signInRequired = () => new HttpProblem(401, 'Unauthorized', 'Sign in first.');

const unverifiedStanding: Record<UnverifiedStatus, string> = {
  pending: 'is waiting for verification; until staff verify it, it can change nothing here',
  rejected: 'was rejected; it can change nothing here',
  suspended: 'is suspended; until staff lift the suspension, it can change nothing here',
};
const unverifiedStatuses = Object.keys(unverifiedStanding) as UnverifiedStatus[];

/** The statuses in which an organisation's members may not take this route: a change that acts for the organisation. */
export function refusedWhile(route: RouteDefinition): UnverifiedStatus[] {
  if (route.method === 'GET' || route.access === 'public' || route.access === 'staff') return [];
  return unverifiedStatuses.filter((status) => !route.whileUnverified?.includes(status));
}

/**
 * A member of an organisation that is not verified reads their own data but changes nothing, except
 * what the route allows in `whileUnverified`. 403, not 404: the answer depends only on the caller's
 * own organisation (which they see on their pages), never on the resource, so it reveals nothing.
 */
function refuseUnverifiedChange(route: RouteDefinition, caller: Person): void {
  const membership = caller.membership;
  if (!membership || membership.organisationStatus === 'verified' || !refusedWhile(route).includes(membership.organisationStatus)) return;
  throw new HttpProblem(403, 'Forbidden', `Your organisation ${membership.organisationName} ${unverifiedStanding[membership.organisationStatus]}.`);
}

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
 * route get 401; a member of an organisation that is not verified gets 403 on a change the route does
 * not allow it; a signed-in caller who may not see the route's resource gets 404, so nothing reveals
 * that it exists.
 */
export async function authorise(route: RouteDefinition, caller: Caller, params: Record<string, string | undefined>, owners: ResourceOwners): Promise<void> {
  if (route.access === 'public') return;
  if (caller.kind === 'anonymous') throw signInRequired();
  refuseUnverifiedChange(route, caller);
  if (!(await allows(route.access, caller, params, owners))) throw notFound();
}
