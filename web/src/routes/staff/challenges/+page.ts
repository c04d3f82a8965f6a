import { challengeListSchema } from '$shared/challenge.ts';
import { m } from '$lib/paraglide/messages.js';
import type { PageLoad } from './$types';
import { loadQueue } from '../staff-queue.ts';
import { moderationStatuses } from './moderation-statuses.ts';

export const load: PageLoad = (event) =>
  loadQueue(event, '/api/staff/challenges', challengeListSchema, moderationStatuses, {
    failed: { title: m.moderation_title(), text: (reason) => m.moderation_load_failed({ reason }) },
  });
