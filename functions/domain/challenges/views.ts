import type { AuditEntry, Challenge, ChallengeSummary } from '#shared/challenge.ts';
import { optional } from '../optional.ts';
import { allows, effectiveStatus } from './lifecycle.ts';
import type { StoredChallenge, StoredQuestion, Viewer } from './ports.ts';
import { actsForCommissioner, isOfCommissioner, isVerifiedFirm } from './viewer.ts';

/** A challenge in a list, with the status as it stands now. */
export function summaryView(challenge: StoredChallenge, now: Date): ChallengeSummary {
  return {
    id: challenge.challengeId,
    organisationId: challenge.organisationId,
    commissionerName: challenge.commissionerName,
    sector: challenge.sector,
    status: effectiveStatus(challenge, now),
    language: challenge.language,
    title: challenge.title,
    summary: challenge.summary,
    disciplines: challenge.disciplines,
    budgetMinCents: challenge.budgetMinCents,
    budgetMaxCents: challenge.budgetMaxCents,
    bidDeadline: challenge.bidDeadline,
    type: challenge.type,
    fundingInstrument: challenge.fundingInstrument,
    visibility: challenge.visibility,
    pitchFeeCents: challenge.pitchFeeCents,
    createdAt: challenge.createdAt,
    ...optional('submittedAt', challenge.submittedAt),
    ...optional('publishedAt', challenge.publishedAt),
    version: challenge.version,
  };
}

export interface ViewContext {
  viewer: Viewer;
  now: Date;
  questions: StoredQuestion[];
  following: boolean;
  ndaAccepted: boolean;
  /** Present only for the commissioner and staff. */
  audit?: AuditEntry[];
  /** How many sealed bids there are: only for the commissioner and staff, once published. */
  bidCount?: number;
  /** The viewer's firm's place in the bidding, if it has one. */
  yourBid?: Challenge['yourBid'];
}

/** How much of the brief the viewer reads; its emails about the brief and the Q&A follow the same rule. */
export function briefAccess(challenge: StoredChallenge, { viewer, ndaAccepted }: Pick<ViewContext, 'viewer' | 'ndaAccepted'>): Challenge['briefAccess'] {
  if (viewer.staff || isOfCommissioner(viewer, challenge)) return 'full';
  if (!viewer.userId) return 'sign_in';
  return challenge.ndaRequired && !ndaAccepted ? 'nda' : 'full';
}

/** What the viewer may do now; each flag mirrors the check the server makes when they try. */
export function permissions(challenge: StoredChallenge, context: ViewContext, access: Challenge['briefAccess']): Challenge['can'] {
  const { viewer, now } = context;
  const status = effectiveStatus(challenge, now);
  const commissioner = actsForCommissioner(viewer, challenge);
  const firm = isVerifiedFirm(viewer);
  const open = status === 'published';
  return {
    edit: commissioner && status === 'draft',
    submit: commissioner && allows('submit', status),
    cancel: commissioner && allows('cancel', status),
    amend: commissioner && open,
    moderate: viewer.staff && status === 'submitted',
    answer: commissioner && open,
    ask: firm && open && access === 'full' && Date.parse(challenge.questionDeadline) > now.getTime(),
    follow: firm && open,
    acceptNda: firm && open && challenge.ndaRequired && access === 'nda',
    // A firm bids once, and only on a brief it may read in full (its NDA accepted first).
    bid: firm && open && access === 'full' && context.yourBid === undefined,
    evaluate: commissioner && ['closed', 'awarded', 'no_award'].includes(status),
  };
}

function questionView(question: StoredQuestion, viewer: Viewer) {
  return {
    id: question.questionId,
    question: question.question,
    askedAt: question.askedAt,
    ...optional('answer', question.answer),
    ...optional('answeredAt', question.answeredAt),
    askedByYou: viewer.organisationId !== undefined && viewer.organisationId === question.askerOrganisationId,
  };
}

/**
 * A challenge as its page shows it to this viewer: the brief only if they may read it; questions
 * answered (or asked by their own firm, or all of them for the commissioner and staff), never who asked.
 */
export function challengeView(challenge: StoredChallenge, context: ViewContext): Challenge {
  const { viewer } = context;
  const access = briefAccess(challenge, context);
  const seesAllQuestions = viewer.staff || isOfCommissioner(viewer, challenge);
  const questions =
    access === 'full' ? context.questions.filter((question) => seesAllQuestions || question.answer !== undefined || question.askerOrganisationId === viewer.organisationId) : [];
  return {
    ...summaryView(challenge, context.now),
    ...(access === 'full' ? { description: challenge.description, attachments: challenge.attachments } : {}),
    briefAccess: access,
    questionDeadline: challenge.questionDeadline,
    expectedStart: challenge.expectedStart,
    durationWeeks: challenge.durationWeeks,
    workplace: challenge.workplace,
    ...optional('municipality', challenge.municipality),
    coFinancingPercent: challenge.coFinancingPercent,
    consortiaAllowed: challenge.consortiaAllowed,
    criteria: challenge.criteria,
    rights: challenge.rights,
    ndaRequired: challenge.ndaRequired,
    ...optional('statusNote', challenge.statusNote),
    ...optional('closedAt', challenge.closedAt),
    questions: questions.map((question) => questionView(question, viewer)),
    following: context.following,
    ndaAccepted: context.ndaAccepted,
    ...optional('audit', context.audit),
    ...optional('bidCount', context.bidCount),
    ...optional('yourBid', context.yourBid),
    can: permissions(challenge, context, access),
  };
}
