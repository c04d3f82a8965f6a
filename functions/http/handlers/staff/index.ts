import { reviewOrganisation } from '../../../domain/verification/review-organisation.ts';
import { verificationQueue } from '../../../domain/verification/verification-queue.ts';
import { wiring } from '../../../wiring.ts';
import { createGroupHandler } from '../../group-handler.ts';

const ports = () => wiring().organisationPorts;

/** The cluster staff's verification queue and their decisions on organisations. */
export const handler = createGroupHandler('staff', {
  listOrganisationsForStaff: async ({ query: { status, ...page } }) => verificationQueue(status, page, ports().store),
  verifyOrganisation: async ({ params }) => reviewOrganisation(params.organisationId, { action: 'verify' }, ports()),
  rejectOrganisation: async ({ params, body }) => reviewOrganisation(params.organisationId, { action: 'reject', reason: body.reason }, ports()),
  suspendOrganisation: async ({ params, body }) => reviewOrganisation(params.organisationId, { action: 'suspend', reason: body.reason }, ports()),
});
