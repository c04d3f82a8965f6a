import { awardChallenge, declareNoAward } from '#functions/domain/evaluation/award.ts';
import { listChallengeBids } from '#functions/domain/evaluation/challenge-bids.ts';
import { getDebrief } from '#functions/domain/evaluation/debrief.ts';
import { getEvaluation } from '#functions/domain/evaluation/evaluation-view.ts';
import { setEvaluationPanel } from '#functions/domain/evaluation/panel.ts';
import { scoreBid } from '#functions/domain/evaluation/score-bid.ts';
import { shortlistBid } from '#functions/domain/evaluation/shortlist.ts';
import { wiring } from '#functions/wiring.ts';
import { actingViewer } from '#functions/http/caller.ts';
import { createGroupHandler } from '#functions/http/group-handler.ts';

const ports = () => wiring().evaluationPorts;

/** Evaluation: the commissioner opens the sealed bids after the deadline, scores, shortlists and decides; bidders read their debrief. */
export const handler = createGroupHandler('evaluation', {
  listChallengeBids: async ({ params, caller }) => listChallengeBids(params.challengeId, actingViewer(caller), ports()),
  getEvaluation: async ({ params, caller }) => getEvaluation(params.challengeId, actingViewer(caller), ports()),
  setEvaluationPanel: async ({ params, body, caller }) => setEvaluationPanel(params.challengeId, body, actingViewer(caller), ports()),
  scoreBid: async ({ params, body, caller }) => scoreBid(params.challengeId, params.bidId, body, actingViewer(caller), ports()),
  shortlistBid: async ({ params, caller }) => shortlistBid(params.challengeId, params.bidId, actingViewer(caller), ports()),
  awardChallenge: async ({ params, body, caller }) => awardChallenge(params.challengeId, body, actingViewer(caller), ports()),
  declareNoAward: async ({ params, body, caller }) => declareNoAward(params.challengeId, body, actingViewer(caller), ports()),
  getDebrief: async ({ params, caller }) => getDebrief(params.bidId, actingViewer(caller), ports()),
});
