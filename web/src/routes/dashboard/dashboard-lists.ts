import { consortiumInvitationListSchema, firmBidListSchema } from '$shared/bid.ts';
import { challengeListSchema } from '$shared/challenge.ts';
import { api } from '$lib/api.ts';
import { readPage } from '$lib/cursor-page.ts';

/** A commissioner's own challenges, newest first. */
export const readOwnChallenges = (organisationId: string, cursor?: string, fetchFn?: typeof fetch) =>
  readPage(`/api/organisations/${organisationId}/challenges`, challengeListSchema, cursor, fetchFn);

/** A creative firm's bookmarks: the challenges it follows, most recently followed first. */
export const readFollowed = (firmId: string, cursor?: string, fetchFn?: typeof fetch) => readPage(`/api/organisations/${firmId}/following`, challengeListSchema, cursor, fetchFn);

/** A creative firm's bids, as lead and as partner. */
export const readFirmBids = (firmId: string, cursor?: string, fetchFn?: typeof fetch) => readPage(`/api/organisations/${firmId}/bids`, firmBidListSchema, cursor, fetchFn);

/** The path of the invitations for a firm to join other firms' consortium bids; answering one reads them again. */
export const consortiumInvitationsPath = (firmId: string) => `/api/organisations/${firmId}/consortium-invitations` as const;

export const readConsortiumInvitations = async (firmId: string, fetchFn?: typeof fetch) =>
  (await api(consortiumInvitationsPath(firmId), { schema: consortiumInvitationListSchema, fetch: fetchFn })).items;
