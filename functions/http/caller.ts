import type { Person } from '../domain/account/person.ts';
import type { Viewer } from '../domain/challenges/ports.ts';

/** Who is calling: nobody signed in, or a person with their session, staff flag and membership. */
export type Caller = { kind: 'anonymous' } | Person;

export const anonymous: Caller = { kind: 'anonymous' };

/**
 * The signed-in caller of a route whose access rule admits only people; the rule was checked
 * before the handler ran, so this only narrows the type (and fails loudly if a rule is wrong).
 */
export function signedInCaller(caller: Caller): Person {
  if (caller.kind !== 'person') throw new Error('A route that needs a signed-in caller was reached without one');
  return caller;
}

/** The caller in the challenge domain's terms: who they are, whether staff, and their organisation's kind and standing. */
export function viewerOf(caller: Caller): Viewer {
  if (caller.kind !== 'person') return { staff: false, organisationVerified: false };
  const membership = caller.membership;
  return {
    userId: caller.userId,
    staff: caller.staff,
    ...(membership ? { organisationId: membership.organisationId, organisationKind: membership.organisationKind } : {}),
    organisationVerified: membership?.organisationStatus === 'verified',
  };
}

/** A signed-in caller as the challenge domain's viewer, with their user id; the route's access rule admitted only people. */
export const actingViewer = (caller: Caller) => ({ ...viewerOf(caller), userId: signedInCaller(caller).userId });

/** A member of a verified firm, as the firm's routes admit only them (the rule was checked first). */
export function actingFirm(caller: Caller) {
  const viewer = actingViewer(caller);
  if (!viewer.organisationId) throw new Error('A firm route was reached without a firm');
  return { ...viewer, organisationId: viewer.organisationId };
}
