import { getFirm, listFirms } from '../../../domain/directory/firms.ts';
import { wiring } from '../../../wiring.ts';
import { createGroupHandler } from '../../group-handler.ts';

/** The public directory of verified creative firms. */
export const handler = createGroupHandler('directory', {
  listFirms: async ({ query: { cursor, limit, ...filters } }) => listFirms(filters, { limit, ...(cursor ? { cursor } : {}) }, wiring().organisationPorts.store),
  getFirm: async ({ params }) => getFirm(params.firmId, wiring().organisationPorts.store),
});
