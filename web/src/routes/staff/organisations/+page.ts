import { organisationListSchema, organisationStatuses } from '$shared/organisation.ts';
import type { PageLoad } from './$types';
import { loadQueue } from '../staff-queue.ts';

export const load: PageLoad = (event) => loadQueue(event, '/api/staff/organisations', organisationListSchema, organisationStatuses, {});
