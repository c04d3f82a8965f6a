import { firmSchema } from '$shared/organisation.ts';
import { api } from '$lib/api.ts';
import { readOrFail } from '$lib/page-load.ts';
import { m } from '$lib/paraglide/messages.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, fetch }) => ({
  firm: await readOrFail(() => api(`/api/firms/${params.firmId}`, { schema: firmSchema, fetch }), { missing: { title: m.firm_not_found() } }),
});
