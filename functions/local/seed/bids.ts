import type { BidPorts } from '#functions/domain/bids/ports.ts';
import { confirmPartnership, invitePartner } from '#functions/domain/bids/partners.ts';
import { createBid } from '#functions/domain/bids/start-bid.ts';
import { submitBid } from '#functions/domain/bids/submit-bid.ts';
import type { Viewer } from '#functions/domain/challenges/ports.ts';
import { awardChallenge } from '#functions/domain/evaluation/award.ts';
import type { EvaluationPorts } from '#functions/domain/evaluation/ports.ts';
import { scoreBid } from '#functions/domain/evaluation/score-bid.ts';
import { shortlistBid } from '#functions/domain/evaluation/shortlist.ts';
import type { DemoBid, DemoOutcome } from './challenge-data.ts';

type Member = Viewer & { userId: string; organisationId: string };

/** A demo firm's bid through the same use cases the API runs: drafted, partners invited and confirmed, and sealed if the demo says so. */
export async function seedBid(challengeId: string, criteriaCount: number, demo: DemoBid, member: (email: string) => Promise<Member>, ports: BidPorts) {
  const firm = await member(demo.by);
  let bid = await createBid(
    challengeId,
    {
      approach: demo.approach,
      priceCents: demo.priceCents,
      timeline: demo.timeline,
      team: demo.team,
      portfolioLinks: [{ title: 'Eerder werk', url: `https://${demo.by.split('@')[1]}/work` }],
      criterionAnswers: Array.from({ length: criteriaCount }, (_, index) => demo.answers[index % demo.answers.length]!),
    },
    firm,
    ports,
  );
  if (demo.partner) {
    const partner = await member(demo.partner.by);
    bid = await invitePartner(
      bid.id,
      { version: bid.version, organisationId: partner.organisationId, role: demo.partner.role, sharePercent: demo.partner.sharePercent },
      firm,
      ports,
    );
    if (demo.partner.confirmed) bid = await confirmPartnership(bid.id, partner.organisationId, partner, ports);
  }
  if (demo.submit) bid = await submitBid(bid.id, bid.version, firm, ports);
  return bid.id;
}

/** After the deadline: the commissioner's evaluator scores every sealed bid, shortlists and, if the demo says so, awards. */
export async function seedOutcome(challengeId: string, bidIds: { by: string; bidId: string }[], outcome: DemoOutcome, evaluator: Member, ports: EvaluationPorts) {
  for (const { by, bidId } of bidIds) {
    const marks = outcome.scores[by];
    if (marks) await scoreBid(challengeId, bidId, { scores: marks.map((score) => ({ score, comment: outcome.comment(score) })) }, evaluator, ports);
  }
  const winner = bidIds.find(({ by }) => by === outcome.shortlist);
  if (!winner) return;
  const evaluation = await shortlistBid(challengeId, winner.bidId, evaluator, ports);
  if (outcome.award) await awardChallenge(challengeId, { version: evaluation.challengeVersion, bidId: winner.bidId, feedback: outcome.award }, evaluator, ports);
}
