import { z } from 'zod';
import { attachmentSchema, bidStatusValues, centsSchema } from './challenge.ts';
import { idSchema } from './id.ts';

/**
 * The bid lifecycle (PRODUCT.md): `draft` → `submitted` (sealed) → `withdrawn` before the deadline
 * (and back to `submitted` if resubmitted in time); after the deadline `shortlisted` → `awarded` |
 * `not_selected`.
 */
export const bidStatuses = bidStatusValues;
export type BidStatus = (typeof bidStatuses)[number];
/** The statuses of a bid that counts: sealed before the deadline, evaluated after it. */
export const sealedBidStatuses: readonly BidStatus[] = ['submitted', 'shortlisted', 'awarded', 'not_selected'];
export const partnerStatuses = ['invited', 'confirmed', 'declined'] as const;
export type PartnerStatus = (typeof partnerStatuses)[number];

export const teamMemberSchema = z.object({ name: z.string().trim().min(2, 'Name the team member').max(120), role: z.string().trim().min(2, 'Give their role').max(120) }).strict();
export type TeamMember = z.infer<typeof teamMemberSchema>;

/** What a firm writes in its bid; a draft may leave any of it out (it autosaves), a submission may not. */
const contentShape = {
  /** Markdown. */
  approach: z.string().trim().max(20_000, 'An approach is at most 20,000 characters'),
  priceCents: centsSchema,
  timeline: z.string().trim().max(5_000, 'A timeline is at most 5,000 characters'),
  team: z.array(teamMemberSchema).max(30, 'At most 30 team members'),
  portfolioLinks: z.array(attachmentSchema).max(20, 'At most 20 links'),
  /** One answer per evaluation criterion of the challenge, in the challenge's order. */
  criterionAnswers: z.array(z.string().trim().max(5_000, 'An answer is at most 5,000 characters')).max(10),
};
export const bidContentShape = contentShape;
export type BidContent = z.infer<z.ZodObject<typeof contentShape>>;

/** The least a sealed bid holds. */
export const submissionMinimums = { approach: 100, timeline: 20, criterionAnswer: 20 } as const;

/** A rule a submission breaks, with the field it is about (`criterionAnswers.1` for the second answer). */
export interface BidViolation {
  path: string;
  message: string;
}

/**
 * Whether a draft is complete enough to seal, shared by the API (422 on submit) and the bid form:
 * an approach, a price, a timeline, at least one team member and an answer to every criterion.
 * Partners are checked by the server (each must have confirmed).
 */
export function submissionViolations(content: Partial<BidContent>, criteriaCount: number): BidViolation[] {
  const violations: BidViolation[] = [];
  if ((content.approach ?? '').trim().length < submissionMinimums.approach) {
    violations.push({ path: 'approach', message: `Describe your approach in at least ${submissionMinimums.approach} characters` });
  }
  if (content.priceCents === undefined) violations.push({ path: 'priceCents', message: 'Enter your price' });
  if ((content.timeline ?? '').trim().length < submissionMinimums.timeline) {
    violations.push({ path: 'timeline', message: `Describe your timeline in at least ${submissionMinimums.timeline} characters` });
  }
  if (!content.team?.length) violations.push({ path: 'team', message: 'Name at least one team member' });
  for (let index = 0; index < criteriaCount; index += 1) {
    if ((content.criterionAnswers?.[index] ?? '').trim().length < submissionMinimums.criterionAnswer) {
      violations.push({ path: `criterionAnswers.${index}`, message: `Answer this criterion in at least ${submissionMinimums.criterionAnswer} characters` });
    }
  }
  return violations;
}

/** A new draft bid: whatever the firm has written so far. */
export const createBidSchema = z.object(contentShape).partial().strict();
export type CreateBid = z.infer<typeof createBidSchema>;
/** An autosave: the fields given replace the stored ones; the version it was read at (stale writes get 409). */
export const updateBidSchema = z
  .object({ ...contentShape, version: z.number().int().min(1) })
  .partial()
  .required({ version: true })
  .strict();
export type UpdateBid = z.infer<typeof updateBidSchema>;
export const bidVersionSchema = z.object({ version: z.number().int().min(1) }).strict();

export const invitePartnerSchema = z
  .object({
    version: z.number().int().min(1),
    organisationId: idSchema,
    role: z.string().trim().min(2, 'Say what the partner does in the consortium').max(200),
    /** The partner's share of the work, in whole percent; the lead keeps the rest. */
    sharePercent: z.number().int('Shares are whole percent').min(1, 'A share is at least 1%').max(99, 'The lead keeps at least 1%'),
  })
  .strict();
export type InvitePartner = z.infer<typeof invitePartnerSchema>;

export const helpRequestSchema = z.object({ message: z.string().trim().min(10, 'Say what you need help with').max(2000) }).strict();

export const scoreSchema = z
  .object({
    score: z.number().int('Scores are whole numbers').min(0, 'Scores run from 0 to 10').max(10, 'Scores run from 0 to 10'),
    comment: z.string().trim().min(2, 'Explain the score').max(2000),
  })
  .strict();
/** One evaluator's scores of one bid: one per criterion, in the challenge's order. */
export const scoreBidSchema = z.object({ scores: z.array(scoreSchema).min(1).max(10) }).strict();
export type ScoreBid = z.infer<typeof scoreBidSchema>;
/** Who evaluates: members of the commissioning organisation. */
export const evaluationPanelSchema = z
  .object({ version: z.number().int().min(1), evaluatorIds: z.array(z.string().min(1)).min(1, 'Choose at least one evaluator').max(20) })
  .strict();
export const awardSchema = z
  .object({
    version: z.number().int().min(1),
    bidId: idSchema,
    /** Sent to every firm not selected: the commissioner's reason. */
    feedback: z.string().trim().min(10, 'Tell the other firms why they were not selected').max(5000),
  })
  .strict();
export const noAwardSchema = z.object({ version: z.number().int().min(1), reason: z.string().trim().min(10, 'Give the firms your reason').max(5000) }).strict();

export const bidIdParamsSchema = z.object({ bidId: idSchema }).strict();
export const bidPartnerParamsSchema = z.object({ bidId: idSchema, organisationId: idSchema }).strict();
export const challengeBidParamsSchema = z.object({ challengeId: idSchema, bidId: idSchema }).strict();
export const organisationBidsQuerySchema = z.object({ cursor: z.string().max(2000).optional(), limit: z.coerce.number().int().min(1).max(100).default(50) }).strict();

export const partnerSchema = z.object({
  organisationId: idSchema,
  name: z.string(),
  role: z.string(),
  sharePercent: z.number().int(),
  status: z.enum(partnerStatuses),
});
export type Partner = z.infer<typeof partnerSchema>;

/** Proof of authorship: when the bid was sealed and the SHA-256 digest of its canonical content (see `bid-seal.ts`). */
export const receiptSchema = z.object({
  bidId: idSchema,
  challengeId: idSchema,
  sealedAt: z.string(),
  algorithm: z.literal('SHA-256'),
  /** Lower-case hex. */
  digest: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Receipt = z.infer<typeof receiptSchema>;

export const bidAuditEntrySchema = z.object({
  at: z.string(),
  action: z.string(),
  actorName: z.string().optional(),
  /** The digest sealed by a submission. */
  digest: z.string().optional(),
  note: z.string().optional(),
});

/** What the caller may do with the bid now, derived from the same rules the server checks. */
export const bidPermissionsSchema = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  withdraw: z.boolean(),
  invitePartners: z.boolean(),
  respondToInvitation: z.boolean(),
  askForHelp: z.boolean(),
  score: z.boolean(),
  shortlist: z.boolean(),
});

/**
 * A bid as its readers see it: the lead firm's and its partners' members always; the commissioner
 * only after the deadline, and only sealed bids; staff only when the firm asked for help.
 */
export const bidSchema = z.object({
  id: idSchema,
  challengeId: idSchema,
  challengeTitle: z.string(),
  bidDeadline: z.string(),
  leadOrganisationId: idSchema,
  leadName: z.string(),
  status: z.enum(bidStatuses),
  ...createBidSchema.shape,
  /** The price against the challenge's budget range; null when no price is given yet. */
  priceAgainstBudget: z.enum(['below', 'within', 'above']).nullable(),
  /** The lead's share: 100 minus the partners' shares. */
  leadSharePercent: z.number().int(),
  partners: z.array(partnerSchema),
  /** The latest sealing; present once submitted. */
  receipt: receiptSchema.optional(),
  helpRequestedAt: z.string().optional(),
  /** What the firm asked staff for help with (never shown to the commissioner). */
  helpMessage: z.string().optional(),
  /** The commissioner's reason, shown to the firm once it is not selected. */
  feedback: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  /** The caller's relation to the bid. */
  yourRole: z.enum(['lead', 'partner', 'commissioner', 'staff']),
  audit: z.array(bidAuditEntrySchema),
  can: bidPermissionsSchema,
});
export type Bid = z.infer<typeof bidSchema>;

/** A bid in the firm's own list (its dashboard): as lead or as partner. */
export const firmBidSummarySchema = z.object({
  id: idSchema,
  challengeId: idSchema,
  challengeTitle: z.string(),
  commissionerName: z.string(),
  bidDeadline: z.string(),
  /** The challenge's status as everyone sees it now (closed once the deadline passed). */
  challengeStatus: z.string(),
  status: z.enum(bidStatuses),
  yourRole: z.enum(['lead', 'partner']),
  /** For a partner: whether it has confirmed. */
  partnerStatus: z.enum(partnerStatuses).optional(),
  leadName: z.string(),
  priceCents: z.number().int().optional(),
  sealedAt: z.string().optional(),
  updatedAt: z.string(),
});
export type FirmBidSummary = z.infer<typeof firmBidSummarySchema>;
export const firmBidListSchema = z.object({ items: z.array(firmBidSummarySchema), cursor: z.string().nullable() });

/** The sealed bids of a closed challenge, as the commissioner opens them. */
export const challengeBidsSchema = z.object({ items: z.array(bidSchema) });

const spreadSchema = z.object({ lowest: z.number(), highest: z.number() });

/** One bid in the evaluation: the caller's own scores always; everyone's only once every evaluator has scored every bid. */
export const evaluatedBidSchema = z.object({
  bidId: idSchema,
  leadName: z.string(),
  status: z.enum(bidStatuses),
  priceCents: z.number().int(),
  priceAgainstBudget: z.enum(['below', 'within', 'above']),
  yourScores: z.array(scoreSchema).optional(),
  /** Per criterion, once revealed: the mean of the evaluators' scores, its spread and each evaluator's score. */
  criteria: z
    .array(
      z.object({
        consensus: z.number(),
        spread: spreadSchema,
        scores: z.array(z.object({ evaluatorName: z.string(), score: z.number().int(), comment: z.string() })),
      }),
    )
    .optional(),
  /** Σ consensus × weight / 10, from 0 to 100; once revealed. */
  weightedTotal: z.number().optional(),
  rank: z.number().int().optional(),
});

export const evaluationSchema = z.object({
  challengeId: idSchema,
  challengeTitle: z.string(),
  challengeStatus: z.string(),
  challengeVersion: z.number().int(),
  criteria: z.array(z.object({ name: z.string(), description: z.string(), weight: z.number().int() })),
  panel: z.array(z.object({ userId: z.string(), name: z.string(), scoredBids: z.number().int(), done: z.boolean() })),
  /** True once every evaluator has scored every bid: then everyone's scores, the consensus and the ranking show. */
  revealed: z.boolean(),
  bids: z.array(evaluatedBidSchema),
  /** Ranked by weighted total once revealed, otherwise in the order they were sealed. */
  can: z.object({ score: z.boolean(), setPanel: z.boolean(), shortlist: z.boolean(), award: z.boolean(), declareNoAward: z.boolean() }),
  /** After award or no award: the commissioner's feedback or reason. */
  outcomeNote: z.string().optional(),
  awardedBidId: idSchema.optional(),
});
export type Evaluation = z.infer<typeof evaluationSchema>;

/** A bidder's debrief after the award: its own consensus per criterion beside the anonymous range of all bids. */
export const debriefSchema = z.object({
  bidId: idSchema,
  challengeTitle: z.string(),
  outcome: z.enum(['awarded', 'not_selected']),
  feedback: z.string().optional(),
  criteria: z.array(z.object({ name: z.string(), weight: z.number().int(), yours: z.number(), lowest: z.number(), median: z.number(), highest: z.number() })),
  total: z.object({ yours: z.number(), lowest: z.number(), median: z.number(), highest: z.number() }),
  bidCount: z.number().int(),
});
export type Debrief = z.infer<typeof debriefSchema>;

/** A firm's invitations to join consortia, as a partner. */
export const consortiumInvitationSchema = z.object({
  bidId: idSchema,
  challengeId: idSchema,
  challengeTitle: z.string(),
  leadName: z.string(),
  role: z.string(),
  sharePercent: z.number().int(),
  status: z.enum(partnerStatuses),
  bidStatus: z.enum(bidStatuses),
  bidDeadline: z.string(),
});
export const consortiumInvitationListSchema = z.object({ items: z.array(consortiumInvitationSchema) });
