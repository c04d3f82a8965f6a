import { outboxEventListSchema, outboxStatuses } from '$shared/outbox.ts';
import type { PageLoad } from './$types';
import { loadQueue } from '../staff-queue.ts';

export const load: PageLoad = (event) => loadQueue(event, '/api/staff/outbox', outboxEventListSchema, outboxStatuses, {});
