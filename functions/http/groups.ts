import type { GroupPermissions, RouteGroup } from './route.ts';

/** Each feature group is one Lambda function; this says what it may touch. */
export const groups: Record<RouteGroup, GroupPermissions> = {
  system: { table: 'read', sendEmail: false },
  // Sign-in codes are mailed directly: the person is waiting for them.
  account: { table: 'readWrite', sendEmail: true },
  organisations: { table: 'readWrite', sendEmail: false },
  // A staff re-drive sends an outbox event's missing emails itself.
  staff: { table: 'readWrite', sendEmail: true },
  directory: { table: 'read', sendEmail: false },
  // Emails about challenges go through the outbox, so the group only writes the table.
  challenges: { table: 'readWrite', sendEmail: false },
  bids: { table: 'readWrite', sendEmail: false },
  evaluation: { table: 'readWrite', sendEmail: false },
};
