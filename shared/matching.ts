import { z } from 'zod';
import { centsSchema } from './challenge.ts';
import { disciplines, municipalitySchema, sectors, sizeBands } from './organisation.ts';

/**
 * Why a firm fits a challenge (docs/matching.md): codes and the values behind them, no prose, so
 * pages and emails word each one in Dutch and English.
 * - `disciplines`: those the firm shares with the `asked` ones of the challenge
 * - `sector`: the commissioner's sector is one the firm has served
 * - `budget`: the challenge's budget meets the usual range of a firm of its size band
 * - `size`: a firm of its size band can staff the team the work needs
 * - `municipality`: the work happens in the firm's own municipality; `remote`: the work is remote
 * - `past_awards`: commissions the firm was awarded in the commissioner's sector
 */
export const matchReasonSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('disciplines'), shared: z.array(z.enum(disciplines)).min(1), asked: z.number().int().min(1) }),
  z.object({ kind: z.literal('sector'), sector: z.enum(sectors) }),
  z.object({
    kind: z.literal('budget'),
    budgetMinCents: centsSchema,
    budgetMaxCents: centsSchema,
    sizeBand: z.enum(sizeBands),
    usualMinCents: centsSchema,
    /** Null: a band with no upper end. */
    usualMaxCents: centsSchema.nullable(),
  }),
  z.object({ kind: z.literal('size'), sizeBand: z.enum(sizeBands), teamNeeded: z.number().int().min(1) }),
  z.object({ kind: z.literal('municipality'), municipality: municipalitySchema }),
  z.object({ kind: z.literal('remote') }),
  z.object({ kind: z.literal('past_awards'), sector: z.enum(sectors), awards: z.number().int().min(1) }),
]);
export type MatchReason = z.infer<typeof matchReasonSchema>;

/**
 * What counts against a firm for a challenge (docs/matching.md), coded as the reasons are.
 * - `no_shared_discipline`: none of the challenge's disciplines; the score is 0
 * - `budget_below_range` / `budget_above_range`: the budget lies wholly below or above the usual range of its size band
 * - `size_too_small` / `size_far_too_small`: the work needs more people than its size band holds (more than three times as many)
 */
export const matchAgainstSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('no_shared_discipline'), asked: z.array(z.enum(disciplines)).min(1) }),
  z.object({ kind: z.literal('budget_below_range'), budgetMaxCents: centsSchema, sizeBand: z.enum(sizeBands), usualMinCents: centsSchema }),
  z.object({ kind: z.literal('budget_above_range'), budgetMinCents: centsSchema, sizeBand: z.enum(sizeBands), usualMaxCents: centsSchema }),
  z.object({ kind: z.literal('size_too_small'), sizeBand: z.enum(sizeBands), teamNeeded: z.number().int().min(1) }),
  z.object({ kind: z.literal('size_far_too_small'), sizeBand: z.enum(sizeBands), teamNeeded: z.number().int().min(1) }),
]);
export type MatchAgainst = z.infer<typeof matchAgainstSchema>;

/** How well one firm fits one challenge: 0 to 100, with what speaks for it and against it. */
export const matchScoreSchema = z.object({
  score: z.number().int().min(0).max(100),
  reasons: z.array(matchReasonSchema),
  against: z.array(matchAgainstSchema),
});
export type MatchScore = z.infer<typeof matchScoreSchema>;
