import { createChallenge } from '#functions/domain/challenges/draft-challenge.ts';
import { closeChallengesPastDeadline } from '#functions/domain/challenges/close-challenges.ts';
import type { BidPorts } from '#functions/domain/bids/ports.ts';
import type { Viewer } from '#functions/domain/challenges/ports.ts';
import { answerQuestion, askQuestion } from '#functions/domain/challenges/questions.ts';
import { transitionChallenge } from '#functions/domain/challenges/transition-challenge.ts';
import { findOrganisation } from '#functions/domain/organisations/get-organisation.ts';
import type { Wiring } from '#functions/wiring.ts';
import { seedBid, seedOutcome } from './bids.ts';
import { demoChallenges, type DemoChallenge } from './challenge-data.ts';

const DAY = 24 * 60 * 60 * 1000;
const at = (days: number) => new Date(Date.now() + days * DAY);

/** A demo member acting for their organisation, as the API would see them. */
async function memberViewer(email: string, wired: Wiring): Promise<Viewer & { userId: string; organisationId: string }> {
  const person = await wired.organisationPorts.store.personByEmail(email);
  if (!person?.organisationId) throw new Error(`Demo person ${email} has no organisation`);
  const organisation = await findOrganisation(person.organisationId, wired.organisationPorts.store);
  return {
    userId: person.userId,
    staff: false,
    organisationId: organisation.organisationId,
    organisationKind: organisation.kind,
    organisationVerified: organisation.status === 'verified',
  };
}

/** Walks one demo challenge through the same use cases the API runs, up to its stage; returns its id and bids once published. */
async function seedChallenge(
  demo: DemoChallenge,
  staff: Viewer & { userId: string },
  wired: Wiring,
): Promise<{ challengeId: string; bids: { by: string; bidId: string }[] } | undefined> {
  // A challenge that has closed already was posted weeks ago: its story runs on a clock set back.
  const ports: BidPorts = demo.closesInDays < 0 ? { ...wired.bidPorts, now: () => at(demo.closesInDays - 21) } : wired.bidPorts;
  const commissioner = await memberViewer(demo.by, wired);
  const organisation = await findOrganisation(commissioner.organisationId, wired.organisationPorts.store);
  const terms = {
    ...demo.terms,
    bidDeadline: at(demo.closesInDays).toISOString(),
    questionDeadline: at(demo.closesInDays - 7).toISOString(),
    expectedStart: at(demo.closesInDays + 21)
      .toISOString()
      .slice(0, 10),
  };
  let challenge = await createChallenge(terms, commissioner, organisation, ports);
  if (demo.stage === 'draft') return undefined;
  challenge = await transitionChallenge(challenge.id, { action: 'submit', version: challenge.version }, commissioner, ports);
  const version = challenge.version;
  if (demo.stage === 'changes_requested') {
    const comment = 'Please say how visitors with a disability can take part, and add an accessibility criterion.';
    await transitionChallenge(challenge.id, { action: 'requestChanges', version, comment }, staff, ports);
    return undefined;
  }
  if (demo.stage === 'rejected') {
    const reason = 'Crossover only hosts paid commissions: unpaid spec work is not allowed. You are welcome to post it again with a budget.';
    await transitionChallenge(challenge.id, { action: 'reject', version, reason }, staff, ports);
    return undefined;
  }
  if (demo.stage === 'submitted') return undefined;
  challenge = await transitionChallenge(challenge.id, { action: 'approve', version }, staff, ports);
  const bids = [];
  for (const bid of demo.bids ?? []) bids.push({ by: bid.by, bidId: await seedBid(challenge.id, demo.terms.criteria.length, bid, (email) => memberViewer(email, wired), ports) });
  for (const question of demo.questions ?? []) {
    const firm = await memberViewer(question.by, wired);
    const asked = await askQuestion(challenge.id, question.question, firm, ports);
    const questionId = asked.questions.find((entry) => entry.askedByYou && entry.question === question.question)!.id;
    if (question.answer) await answerQuestion(challenge.id, questionId, question.answer, commissioner, ports);
  }
  if (demo.stage === 'cancelled') {
    const reason = 'Our symposium has been postponed to next year.';
    await transitionChallenge(challenge.id, { action: 'cancel', version: challenge.version, reason }, commissioner, ports);
  }
  return { challengeId: challenge.id, bids };
}

/** The demo challenges, in every state; the one past its deadline is closed by the same job the scheduler runs. */
export async function seedDemoChallenges(wired: Wiring) {
  const staffEmail = wired.config.STAFF_EMAILS[0]!;
  const staffAccount = (await wired.accounts.findAccount(staffEmail)) ?? (await wired.accounts.createAccount(staffEmail, 'nl'));
  const staff = { userId: staffAccount.userId, staff: true, organisationVerified: false };
  const seeded = [];
  for (const demo of demoChallenges) seeded.push({ demo, challenge: await seedChallenge(demo, staff, wired) });
  await closeChallengesPastDeadline(wired.challengePorts);
  // After the deadline the commissioner evaluates: scores, a shortlist and, for one challenge, the award.
  for (const { demo, challenge } of seeded) {
    if (demo.outcome && challenge) await seedOutcome(challenge.challengeId, challenge.bids, demo.outcome, await memberViewer(demo.by, wired), wired.evaluationPorts);
  }
}
