import type { z } from 'zod';
import type { moderationQueueQuerySchema } from '$shared/challenge.ts';

export type ModerationStatus = z.output<typeof moderationQueueQuerySchema>['status'];

/** The moderation queue's lists, the challenges waiting first. */
export const moderationStatuses: readonly ModerationStatus[] = ['submitted', 'published', 'rejected'];
