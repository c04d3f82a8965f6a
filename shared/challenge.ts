import { z } from 'zod';
import { idSchema } from './id.ts';
import { languages } from './language.ts';
import { disciplines, municipalitySchema, sectors } from './organisation.ts';

/** The challenge lifecycle (PRODUCT.md): `closed` once the bid deadline passes, `awarded` / `no_award` after evaluation. */
export const challengeStatuses = ['draft', 'submitted', 'published', 'closed', 'awarded', 'no_award', 'rejected', 'cancelled'] as const;
export type ChallengeStatus = (typeof challengeStatuses)[number];
/** Bid statuses (see `bid.ts`), here to keep the two modules free of a cycle. */
export const bidStatusValues = ['draft', 'submitted', 'withdrawn', 'shortlisted', 'awarded', 'not_selected'] as const;
/** `partner_search`: looking for creative partners for a funding application. */
export const challengeTypes = ['commission', 'partner_search'] as const;
export const fundingInstruments = ['own_budget', 'horizon_europe', 'clicknl', 'mit', 'other'] as const;
export const rightsModels = ['ip_assignment', 'exclusive_licence', 'non_exclusive_licence'] as const;
export const visibilities = ['public', 'verified_firms'] as const;
export const workplaces = ['on_site', 'hybrid', 'remote'] as const;
export const challengeSorts = ['newest', 'closing'] as const;

export const centsSchema = z.number({ error: 'Enter an amount in euro cents' }).int('Amounts are whole euro cents').min(0).max(100_000_000_000);
export const linkSchema = z.url({ protocol: /^https?$/, error: 'Enter a web address starting with https://' }).max(500);

export const criterionSchema = z
  .object({
    name: z.string().trim().min(2, 'Name the criterion').max(80),
    description: z.string().trim().max(500),
    weight: z.number().int('Weights are whole numbers').min(1, 'A weight is at least 1').max(100),
  })
  .strict();

export const attachmentSchema = z.object({ title: z.string().trim().min(2, 'Give the link a title').max(120), url: linkSchema }).strict();

export const rightsSchema = z
  .object({
    model: z.enum(rightsModels, { error: 'Choose how the rights pass to you' }),
    /** Whether the firm may show the work in its portfolio. */
    portfolioRights: z.boolean(),
  })
  .strict();

/** Everything a commissioner writes in a challenge; the commissioner's sector comes from their organisation. */
const termsShape = {
  language: z.enum(languages),
  title: z.string().trim().min(5, 'Give the challenge a title of at least 5 characters').max(140),
  summary: z.string().trim().min(20, 'Summarise the challenge in at least 20 characters').max(300, 'A summary is at most 300 characters'),
  description: z.string().trim().min(50, 'Describe the challenge in at least 50 characters').max(20_000),
  disciplines: z.array(z.enum(disciplines)).min(1, 'Choose at least one discipline').max(8),
  budgetMinCents: centsSchema,
  budgetMaxCents: centsSchema,
  questionDeadline: z.iso.datetime({ offset: true, error: 'Enter a date and time' }),
  bidDeadline: z.iso.datetime({ offset: true, error: 'Enter a date and time' }),
  expectedStart: z.iso.date({ error: 'Enter a date' }),
  durationWeeks: z.number().int().min(1, 'At least one week').max(260),
  workplace: z.enum(workplaces),
  municipality: municipalitySchema.optional(),
  type: z.enum(challengeTypes),
  fundingInstrument: z.enum(fundingInstruments),
  /** The share of the budget others co-finance, in whole percent. */
  coFinancingPercent: z.number().int().min(0).max(100),
  consortiaAllowed: z.boolean(),
  criteria: z.array(criterionSchema).min(1, 'Add at least one evaluation criterion').max(10),
  visibility: z.enum(visibilities),
  attachments: z.array(attachmentSchema).max(20),
  rights: rightsSchema,
  ndaRequired: z.boolean(),
  /** Paid to each shortlisted firm; 0 says plainly that there is none. */
  pitchFeeCents: centsSchema,
};

export type ChallengeTerms = z.infer<z.ZodObject<typeof termsShape>>;

/** A rule that spans fields, with the field it is about. */
export interface TermsViolation {
  path: string;
  message: string;
}

/**
 * The rules that span fields, shared by the API and the form: budget min ≤ max, question deadline
 * before bid deadline, weights summing to 100, a place unless the work is remote.
 */
export function termsViolations(terms: Partial<ChallengeTerms>): TermsViolation[] {
  const violations: TermsViolation[] = [];
  if (terms.budgetMinCents !== undefined && terms.budgetMaxCents !== undefined && terms.budgetMinCents > terms.budgetMaxCents) {
    violations.push({ path: 'budgetMaxCents', message: 'The maximum budget must be at least the minimum' });
  }
  if (terms.questionDeadline && terms.bidDeadline && Date.parse(terms.questionDeadline) >= Date.parse(terms.bidDeadline)) {
    violations.push({ path: 'questionDeadline', message: 'The question deadline must be before the bid deadline' });
  }
  if (terms.criteria?.length && weightTotal(terms.criteria) !== 100) {
    violations.push({ path: 'criteria', message: `The weights add up to ${weightTotal(terms.criteria)}; they must add up to 100` });
  }
  if (terms.workplace && terms.workplace !== 'remote' && !terms.municipality) {
    violations.push({ path: 'municipality', message: 'Say where the work happens, or choose remote' });
  }
  return violations;
}

export const weightTotal = (criteria: readonly { weight: number }[]) =>
  criteria.reduce((total, criterion) => total + (Number.isFinite(criterion.weight) ? criterion.weight : 0), 0);

function checkTerms(terms: Partial<ChallengeTerms>, context: z.RefinementCtx) {
  for (const violation of termsViolations(terms)) context.addIssue({ code: 'custom', path: [violation.path], message: violation.message });
}

/** The fields of the terms, for forms that validate one step at a time. */
export const challengeTermsShape = termsShape;

/** A new draft. */
export const createChallengeSchema = z.object(termsShape).strict().superRefine(checkTerms);
export type CreateChallenge = z.infer<typeof createChallengeSchema>;

/** A whole draft rewritten, with the version it was read at (stale writes get 409). */
export const updateChallengeSchema = z
  .object({ ...termsShape, version: z.number().int().min(1) })
  .strict()
  .superRefine(checkTerms);
export type UpdateChallenge = z.infer<typeof updateChallengeSchema>;

export const versionSchema = z.object({ version: z.number().int().min(1) }).strict();
export const commentSchema = z.object({ version: z.number().int().min(1), comment: z.string().trim().min(5, 'Say what should change').max(2000) }).strict();
export const challengeReasonSchema = z.object({ version: z.number().int().min(1), reason: z.string().trim().min(5, 'Give a reason').max(2000) }).strict();

/** What may still change once a challenge is published: later deadlines and more attachments. */
export const amendChallengeSchema = z
  .object({
    version: z.number().int().min(1),
    bidDeadline: z.iso.datetime({ offset: true, error: 'Enter a date and time' }).optional(),
    questionDeadline: z.iso.datetime({ offset: true, error: 'Enter a date and time' }).optional(),
    addAttachments: z.array(attachmentSchema).max(20).optional(),
  })
  .strict()
  .refine((amendment) => amendment.bidDeadline || amendment.questionDeadline || amendment.addAttachments?.length, {
    message: 'Extend a deadline or add an attachment',
    path: ['bidDeadline'],
  });
export type AmendChallenge = z.infer<typeof amendChallengeSchema>;

export const askQuestionSchema = z.object({ question: z.string().trim().min(10, 'Ask your question in at least 10 characters').max(2000) }).strict();
export const answerQuestionSchema = z.object({ answer: z.string().trim().min(2, 'Write an answer').max(5000) }).strict();

export const challengeIdParamsSchema = z.object({ challengeId: idSchema }).strict();
export const questionParamsSchema = z.object({ challengeId: idSchema, questionId: idSchema }).strict();

const cursorField = z.string().max(2000).optional();

export const challengeListQuerySchema = z
  .object({
    sort: z.enum(challengeSorts).default('newest'),
    sector: z.enum(sectors).optional(),
    discipline: z.enum(disciplines).optional(),
    type: z.enum(challengeTypes).optional(),
    funding: z.enum(fundingInstruments).optional(),
    /** Only challenges whose budget reaches at least this much. */
    minBudgetCents: z.coerce.number().int().min(0).optional(),
    /** Only challenges whose budget starts at no more than this. */
    maxBudgetCents: z.coerce.number().int().min(0).optional(),
    /** Words that must all appear in the title or summary. */
    q: z.string().trim().max(100).optional(),
    cursor: cursorField,
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type ChallengeListQuery = z.infer<typeof challengeListQuerySchema>;

export const organisationChallengesQuerySchema = z.object({ cursor: cursorField, limit: z.coerce.number().int().min(1).max(100).default(50) }).strict();
export const moderationQueueQuerySchema = z
  .object({
    status: z.enum(['submitted', 'published', 'rejected']).default('submitted'),
    cursor: cursorField,
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();

/** A challenge in a list: enough to choose whether to open it. */
export const challengeSummarySchema = z.object({
  id: idSchema,
  organisationId: idSchema,
  commissionerName: z.string(),
  sector: z.enum(sectors),
  status: z.enum(challengeStatuses),
  language: z.enum(languages),
  title: z.string(),
  summary: z.string(),
  disciplines: z.array(z.enum(disciplines)),
  budgetMinCents: z.number().int(),
  budgetMaxCents: z.number().int(),
  bidDeadline: z.string(),
  type: z.enum(challengeTypes),
  fundingInstrument: z.enum(fundingInstruments),
  visibility: z.enum(visibilities),
  pitchFeeCents: z.number().int(),
  createdAt: z.string(),
  submittedAt: z.string().optional(),
  publishedAt: z.string().optional(),
  version: z.number().int(),
});
export type ChallengeSummary = z.infer<typeof challengeSummarySchema>;

export const challengeListSchema = z.object({ items: z.array(challengeSummarySchema), cursor: z.string().nullable() });

export const questionSchema = z.object({
  id: idSchema,
  question: z.string(),
  askedAt: z.string(),
  answer: z.string().optional(),
  answeredAt: z.string().optional(),
  /** True only for the firm that asked it; nobody else learns who asked. */
  askedByYou: z.boolean(),
});
export type Question = z.infer<typeof questionSchema>;

export const auditEntrySchema = z.object({
  at: z.string(),
  action: z.string(),
  actorRole: z.enum(['commissioner', 'staff', 'system']),
  actorName: z.string().optional(),
  /** Why: a moderation comment, a rejection or cancellation reason. */
  note: z.string().optional(),
  changes: z.array(z.object({ field: z.string(), from: z.string().optional(), to: z.string().optional() })),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** What the caller may do with the challenge now, so the page shows only actions that will be accepted. */
export const challengePermissionsSchema = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  cancel: z.boolean(),
  amend: z.boolean(),
  moderate: z.boolean(),
  answer: z.boolean(),
  ask: z.boolean(),
  follow: z.boolean(),
  acceptNda: z.boolean(),
  /** A verified firm without a bid on this open challenge may start one. */
  bid: z.boolean(),
  /** The commissioner's members, once the deadline has passed: open the evaluation. */
  evaluate: z.boolean(),
});

/**
 * A challenge as its page shows it. The brief (description, attachments) is withheld while an NDA
 * is required and the caller's firm has not accepted it; the audit trail goes to the commissioner and staff only.
 */
export const challengeSchema = challengeSummarySchema.extend({
  description: z.string().optional(),
  attachments: z.array(attachmentSchema).optional(),
  /** `full`, or why the brief is withheld: sign in first, or accept the NDA first. */
  briefAccess: z.enum(['full', 'sign_in', 'nda']),
  questionDeadline: z.string(),
  expectedStart: z.string(),
  durationWeeks: z.number().int(),
  workplace: z.enum(workplaces),
  municipality: z.string().optional(),
  coFinancingPercent: z.number().int(),
  consortiaAllowed: z.boolean(),
  criteria: z.array(criterionSchema),
  rights: rightsSchema,
  ndaRequired: z.boolean(),
  /** Staff's comment when they sent it back, or their reason for rejecting; the commissioner's reason for cancelling. */
  statusNote: z.string().optional(),
  closedAt: z.string().optional(),
  questions: z.array(questionSchema),
  following: z.boolean(),
  ndaAccepted: z.boolean(),
  audit: z.array(auditEntrySchema).optional(),
  /** How many sealed bids it has: to its commissioner and staff only, and never who made them. */
  bidCount: z.number().int().optional(),
  /** The caller's firm's bid, as lead or partner. */
  yourBid: z.object({ id: idSchema, status: z.enum(bidStatusValues), role: z.enum(['lead', 'partner']) }).optional(),
  can: challengePermissionsSchema,
});
export type Challenge = z.infer<typeof challengeSchema>;

export const followingSchema = z.object({ following: z.boolean() });
