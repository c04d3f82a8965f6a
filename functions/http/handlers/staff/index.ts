import { alertRunsPage, retryFailedChunks } from '#functions/domain/alerts/delivery-view.ts';
import { moderationQueue } from '#functions/domain/challenges/list-challenges.ts';
import { redriveEvent, undeliveredEvents } from '#functions/domain/notifications/outbox.ts';
import { liftSuppression, suppressionList } from '#functions/domain/notifications/suppressions.ts';
import { transitionChallenge } from '#functions/domain/challenges/transition-challenge.ts';
import { reviewOrganisation } from '#functions/domain/verification/review-organisation.ts';
import { verificationQueue } from '#functions/domain/verification/verification-queue.ts';
import { mailWiring } from '#functions/mail-wiring.ts';
import { wiring } from '#functions/wiring.ts';
import { actingViewer } from '#functions/http/caller.ts';
import { createGroupHandler } from '#functions/http/group-handler.ts';

const ports = () => wiring().organisationPorts;
const challengePorts = () => wiring().challengePorts;
const outboxPorts = () => ({ outbox: wiring().outbox, delivery: mailWiring().delivery });
const deliveryViewPorts = () => ({ runs: wiring().alertRuns, ...outboxPorts() });

/** The cluster staff's queues and decisions: verifying organisations, moderating challenges, following emails out (the outbox, alert runs, the suppression list). */
export const handler = createGroupHandler('staff', {
  listOrganisationsForStaff: async ({ query: { status, ...page } }) => verificationQueue(status, page, ports().store),
  verifyOrganisation: async ({ params }) => reviewOrganisation(params.organisationId, { action: 'verify' }, ports()),
  rejectOrganisation: async ({ params, body }) => reviewOrganisation(params.organisationId, { action: 'reject', reason: body.reason }, ports()),
  suspendOrganisation: async ({ params, body }) => reviewOrganisation(params.organisationId, { action: 'suspend', reason: body.reason }, ports()),
  reopenOrganisation: async ({ params }) => reviewOrganisation(params.organisationId, { action: 'reopen' }, ports()),
  releaseKvkNumber: async ({ params, body }) => reviewOrganisation(params.organisationId, { action: 'releaseKvk', reason: body.reason }, ports()),
  listOutboxEvents: async ({ query: { status, ...page } }) => undeliveredEvents(status, page, outboxPorts()),
  redriveOutboxEvent: async ({ params }) => redriveEvent(params.eventId, outboxPorts()),
  listAlertRuns: async ({ query }) => alertRunsPage(query, deliveryViewPorts()),
  retryAlertRun: async ({ params }) => retryFailedChunks(params.runId, deliveryViewPorts()),
  listSuppressions: async ({ query }) => suppressionList(query, wiring().suppressions),
  liftSuppression: async ({ params }) => {
    await liftSuppression(params.email, wiring().suppressions);
    return undefined;
  },
  listChallengesForStaff: async ({ query: { status, ...page } }) => moderationQueue(status, page, challengePorts()),
  approveChallenge: async ({ params, body, caller }) => transitionChallenge(params.challengeId, { action: 'approve', ...body }, actingViewer(caller), challengePorts()),
  requestChallengeChanges: async ({ params, body, caller }) =>
    transitionChallenge(params.challengeId, { action: 'requestChanges', ...body }, actingViewer(caller), challengePorts()),
  rejectChallenge: async ({ params, body, caller }) => transitionChallenge(params.challengeId, { action: 'reject', ...body }, actingViewer(caller), challengePorts()),
});
