import type { GroupPermissions, RouteGroup } from './route.ts';

/** Each feature group is one Lambda function; this says what it may touch. */
export const groups: Record<RouteGroup, GroupPermissions> = {
  system: { table: 'read', sendEmail: false },
};
