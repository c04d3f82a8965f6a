import type { Challenge } from '#shared/challenge.ts';
import { conflictError, notFoundError } from '../errors.ts';
import { auditEntry } from './audit.ts';
import { challengePage, findVisibleChallenge } from './get-challenge.ts';
import { requireOpen } from './lifecycle.ts';
import type { ChallengePorts, Firm, Viewer } from './ports.ts';
import { challengeEmail, interestedFirmRecipients } from './recipients.ts';
import { actsForCommissioner } from './viewer.ts';

/**
 * A verified firm asks a clarification question: only on an open challenge it may read in full (its
 * NDA accepted, if one is required), and only before the question deadline (409 otherwise).
 */
export async function askQuestion(challengeId: string, text: string, viewer: Firm, ports: ChallengePorts): Promise<Challenge> {
  const challenge = await findVisibleChallenge(challengeId, viewer, ports);
  const now = ports.now();
  requireOpen(challenge, now, 'questions are taken only while it is open');
  if (Date.parse(challenge.questionDeadline) <= now.getTime()) throw conflictError('The question deadline of this challenge has passed.');
  if (challenge.ndaRequired && !(await ports.challenges.ndaAccepted(challengeId, viewer.organisationId))) {
    throw conflictError('Accept the non-disclosure agreement before asking about the brief.');
  }
  await ports.challenges.ask({
    challengeId,
    questionId: ports.newId(),
    question: text,
    askerOrganisationId: viewer.organisationId,
    askerUserId: viewer.userId,
    askedAt: now.toISOString(),
  });
  return challengePage(challenge, viewer, ports);
}

/**
 * The commissioner answers a question, once (409 if it has an answer): the answer is published
 * with the question, without naming who asked, and every interested firm that may read the Q&A (its
 * NDA accepted, if one is required) is emailed, in one transaction.
 */
export async function answerQuestion(challengeId: string, questionId: string, answer: string, viewer: Viewer & { userId: string }, ports: ChallengePorts): Promise<Challenge> {
  const challenge = await findVisibleChallenge(challengeId, viewer, ports);
  if (!actsForCommissioner(viewer, challenge)) throw notFoundError('There is no such challenge, or it is not shown to you.');
  const now = ports.now();
  requireOpen(challenge, now, 'questions are answered only while it is open');
  const question = await ports.challenges.question(challengeId, questionId);
  if (!question) throw notFoundError('There is no such question on this challenge.');
  if (question.answer !== undefined) throw conflictError('This question has been answered already.');
  // Quoting the Q&A: a firm that has not accepted the NDA sees none of it on the page, so it is told nothing.
  const emails = challengeEmail('question.answered', challenge, await interestedFirmRecipients(challenge, 'brief', ports), { question: question.question, answer });
  const audit = auditEntry(challengeId, ports.newId(), now, 'question_answered', { role: 'commissioner', userId: viewer.userId });
  const answered = { answer, answeredAt: now.toISOString(), answeredByUserId: viewer.userId };
  if (!(await ports.challenges.answer(question, answered, audit, emails))) throw conflictError('This question has been answered already.');
  return challengePage(challenge, viewer, ports);
}
