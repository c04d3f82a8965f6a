import { getFirm, listFirms } from '#functions/domain/directory/firms.ts';
import { wiring } from '#functions/wiring.ts';
import { createGroupHandler } from '#functions/http/group-handler.ts';

/** The public directory of verified creative firms. */
export const handler = createGroupHandler('directory', {
  listFirms: async ({ query: { cursor, limit, ...filters } }) => listFirms(filters, { limit, ...(cursor ? { cursor } : {}) }, wiring().organisationPorts.store),
  getFirm: async ({ params }) => getFirm(params.firmId, wiring().organisationPorts.store),
});
