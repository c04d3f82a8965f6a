import type { Me } from '#shared/account.ts';
import type { Person } from './person.ts';

/** What `GET /api/me` tells the signed-in person about themselves. */
export function meOf(caller: Person): Me {
  const { membership } = caller;
  return {
    user: { id: caller.userId, email: caller.email, ...(caller.name ? { name: caller.name } : {}), language: caller.language },
    organisation: membership
      ? {
          id: membership.organisationId,
          name: membership.organisationName,
          kind: membership.organisationKind,
          status: membership.organisationStatus,
          role: membership.role,
        }
      : null,
    staff: caller.staff,
    rejectedRegistration: caller.rejectedRegistration ?? null,
  };
}
