import { amendChallenge } from '#functions/domain/challenges/amend-challenge.ts';
import { createChallenge, updateChallenge } from '#functions/domain/challenges/draft-challenge.ts';
import { acceptNda, setFollowing } from '#functions/domain/challenges/firm-interest.ts';
import { getChallenge } from '#functions/domain/challenges/get-challenge.ts';
import { followedChallenges, listOpenChallenges, organisationChallenges } from '#functions/domain/challenges/list-challenges.ts';
import { answerQuestion, askQuestion } from '#functions/domain/challenges/questions.ts';
import { transitionChallenge } from '#functions/domain/challenges/transition-challenge.ts';
import { findOrganisation } from '#functions/domain/organisations/get-organisation.ts';
import { wiring } from '#functions/wiring.ts';
import { actingFirm as firm, actingViewer, signedInCaller, viewerOf } from '#functions/http/caller.ts';
import { createGroupHandler, Reply } from '#functions/http/group-handler.ts';

const ports = () => wiring().challengePorts;

/** Challenges: drafting, submitting, amending and cancelling them; browsing them; questions, following and NDAs. */
export const handler = createGroupHandler('challenges', {
  listChallenges: async ({ query, caller }) => listOpenChallenges(query, viewerOf(caller), ports()),
  createChallenge: async ({ body, caller }) => {
    const viewer = actingViewer(caller);
    const organisation = await findOrganisation(signedInCaller(caller).membership!.organisationId, wiring().organisationPorts.store);
    const challenge = await createChallenge(body, viewer, organisation, ports());
    return new Reply(challenge, { headers: { location: `/api/challenges/${challenge.id}` } });
  },
  getChallenge: async ({ params, caller }) => getChallenge(params.challengeId, viewerOf(caller), ports()),
  updateChallenge: async ({ params, body, caller }) => updateChallenge(params.challengeId, body, actingViewer(caller), ports()),
  submitChallenge: async ({ params, body, caller }) => transitionChallenge(params.challengeId, { action: 'submit', ...body }, actingViewer(caller), ports()),
  cancelChallenge: async ({ params, body, caller }) => transitionChallenge(params.challengeId, { action: 'cancel', ...body }, actingViewer(caller), ports()),
  amendChallenge: async ({ params, body, caller }) => amendChallenge(params.challengeId, body, actingViewer(caller), ports()),
  askQuestion: async ({ params, body, caller }) => askQuestion(params.challengeId, body.question, firm(caller), ports()),
  answerQuestion: async ({ params, body, caller }) => answerQuestion(params.challengeId, params.questionId, body.answer, actingViewer(caller), ports()),
  followChallenge: async ({ params, caller }) => setFollowing(params.challengeId, true, firm(caller), ports()),
  unfollowChallenge: async ({ params, caller }) => setFollowing(params.challengeId, false, firm(caller), ports()),
  acceptNda: async ({ params, caller }) => acceptNda(params.challengeId, firm(caller), ports()),
  listOrganisationChallenges: async ({ params, query }) => organisationChallenges(params.organisationId, query, ports()),
  listFollowedChallenges: async ({ params, query, caller }) => followedChallenges(params.organisationId, query, viewerOf(caller), ports()),
});
