import type { ChallengeListQuery } from '#shared/challenge.ts';
import type { PageRequest } from '../kernel.ts';
import type { ChallengePorts, Viewer } from './ports.ts';
import { summaryView } from './views.ts';
import { isVerifiedFirm, maySee } from './viewer.ts';

/**
 * Open challenges for everyone, newest first or closing soonest, filtered; those for verified firms
 * only are listed to verified firms and staff. One that passed its deadline is never listed as open.
 */
export async function listOpenChallenges(query: ChallengeListQuery, viewer: Viewer, ports: ChallengePorts) {
  const { sort, cursor, limit, ...filters } = query;
  const now = ports.now();
  const page = { limit, ...(cursor ? { cursor } : {}) };
  const scope = { ...filters, includeFirmsOnly: viewer.staff || isVerifiedFirm(viewer) };
  const found = await ports.challenges.openChallenges(scope, sort, now.toISOString(), page);
  return { items: found.items.map((challenge) => summaryView(challenge, now)), cursor: found.cursor };
}

/** An organisation's own challenges in every state, newest first. */
export async function organisationChallenges(organisationId: string, page: PageRequest, ports: ChallengePorts) {
  const now = ports.now();
  const found = await ports.challenges.ofOrganisation(organisationId, page);
  return { items: found.items.map((challenge) => summaryView(challenge, now)), cursor: found.cursor };
}

/** Staff's view of a status: the moderation queue (submitted) oldest first; other statuses newest first. */
export async function moderationQueue(status: 'submitted' | 'published' | 'rejected', page: PageRequest, ports: ChallengePorts) {
  const now = ports.now();
  const found = await ports.challenges.byStatus(status, page, { oldestFirst: status === 'submitted' });
  return { items: found.items.map((challenge) => summaryView(challenge, now)), cursor: found.cursor };
}

/** The challenges a firm follows, most recently followed first; one it may no longer see drops out. */
export async function followedChallenges(firmId: string, page: PageRequest, viewer: Viewer, ports: ChallengePorts) {
  const now = ports.now();
  const found = await ports.challenges.followedBy(firmId, page);
  return { items: found.items.filter((challenge) => maySee(viewer, challenge)).map((challenge) => summaryView(challenge, now)), cursor: found.cursor };
}
