import type { StoredChallenge, Viewer } from './ports.ts';
import { publicStatuses } from './lifecycle.ts';

/** A member of the organisation that posted it (whatever its status): they see it in every state. */
export const isOfCommissioner = (viewer: Viewer, challenge: StoredChallenge) => viewer.organisationId === challenge.organisationId;

/** A member of the posting organisation while it is verified: they may act on it. */
export const actsForCommissioner = (viewer: Viewer, challenge: StoredChallenge) =>
  isOfCommissioner(viewer, challenge) && viewer.organisationKind === 'commissioner' && viewer.organisationVerified;

export const isVerifiedFirm = (viewer: Viewer) => viewer.organisationKind === 'creative' && viewer.organisationVerified && viewer.organisationId !== undefined;

/**
 * Who may see a challenge at all: staff and its commissioner always; everyone else once it has been
 * published (a cancelled one too, if it was public), and only verified firms if it is for them alone.
 */
export function maySee(viewer: Viewer, challenge: StoredChallenge): boolean {
  if (viewer.staff || isOfCommissioner(viewer, challenge)) return true;
  const wasPublished = publicStatuses.includes(challenge.status) || (challenge.status === 'cancelled' && challenge.publishedAt !== undefined);
  return wasPublished && (challenge.visibility === 'public' || isVerifiedFirm(viewer));
}
