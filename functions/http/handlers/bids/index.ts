import { getBid } from '#functions/domain/bids/get-bid.ts';
import { requestBidHelp } from '#functions/domain/bids/help.ts';
import { consortiumInvitations, organisationBids } from '#functions/domain/bids/list-bids.ts';
import { confirmPartnership, declinePartnership, invitePartner, removePartner } from '#functions/domain/bids/partners.ts';
import { updateBid } from '#functions/domain/bids/save-bid.ts';
import { createBid } from '#functions/domain/bids/start-bid.ts';
import { submitBid } from '#functions/domain/bids/submit-bid.ts';
import { withdrawBid } from '#functions/domain/bids/withdraw-bid.ts';
import { wiring } from '#functions/wiring.ts';
import { actingFirm, actingViewer, viewerOf } from '#functions/http/caller.ts';
import { createGroupHandler, Reply } from '#functions/http/group-handler.ts';

const ports = () => wiring().bidPorts;

/** Bids: a firm writes, seals, withdraws and resubmits its bid, builds its consortium and asks for help; partners answer invitations. */
export const handler = createGroupHandler('bids', {
  createBid: async ({ params, body, caller }) => {
    const bid = await createBid(params.challengeId, body, actingFirm(caller), ports());
    return new Reply(bid, { headers: { location: `/api/bids/${bid.id}` } });
  },
  getBid: async ({ params, caller }) => getBid(params.bidId, viewerOf(caller), ports()),
  updateBid: async ({ params, body, caller }) => updateBid(params.bidId, body, actingFirm(caller), ports()),
  submitBid: async ({ params, body, caller }) => submitBid(params.bidId, body.version, actingFirm(caller), ports()),
  withdrawBid: async ({ params, body, caller }) => withdrawBid(params.bidId, body.version, actingFirm(caller), ports()),
  invitePartner: async ({ params, body, caller }) => invitePartner(params.bidId, body, actingFirm(caller), ports()),
  removePartner: async ({ params, caller }) => removePartner(params.bidId, params.organisationId, actingFirm(caller), ports()),
  confirmPartnership: async ({ params, caller }) => confirmPartnership(params.bidId, params.organisationId, actingViewer(caller), ports()),
  declinePartnership: async ({ params, caller }) => {
    await declinePartnership(params.bidId, params.organisationId, actingViewer(caller), ports());
    return undefined;
  },
  requestBidHelp: async ({ params, body, caller }) => requestBidHelp(params.bidId, body.message, actingFirm(caller), ports()),
  listOrganisationBids: async ({ params, query }) => organisationBids(params.organisationId, query, ports()),
  listConsortiumInvitations: async ({ params }) => consortiumInvitations(params.organisationId, ports()),
});
