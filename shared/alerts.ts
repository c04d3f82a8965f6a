import { z } from 'zod';
import { centsSchema, challengeTypes, fundingInstruments, visibilities } from './challenge.ts';
import { languages } from './language.ts';
import { disciplines, municipalitySchema, sectors } from './organisation.ts';

/** How often a person hears of new challenges that fit: each one as it is published, once a week, or not at all. */
export const alertFrequencies = ['immediately', 'weekly', 'off'] as const;
export type AlertFrequency = (typeof alertFrequencies)[number];

const distinct = <T extends z.ZodType>(item: T, most: number) =>
  z
    .array(item)
    .max(most)
    .refine((values) => new Set(values).size === values.length, 'Each value once');

/**
 * What a person wants to hear of. An empty list means "any": no discipline chosen hears of every
 * challenge's disciplines, no municipality of challenges anywhere.
 */
export const alertPreferencesSchema = z
  .object({
    disciplines: distinct(z.enum(disciplines), disciplines.length),
    sectors: distinct(z.enum(sectors), sectors.length),
    types: distinct(z.enum(challengeTypes), challengeTypes.length),
    funding: distinct(z.enum(fundingInstruments), fundingInstruments.length),
    minBudgetCents: centsSchema.nullable(),
    municipalities: distinct(municipalitySchema, municipalitySchema.options.length),
    language: z.enum(languages),
    frequency: z.enum(alertFrequencies),
  })
  .strict();
export type AlertPreferences = z.infer<typeof alertPreferencesSchema>;

/** The preferences as the account page shows them: saved ones, or a suggestion from the firm's profile not yet in force. */
export const alertSettingsSchema = z.object({
  preferences: alertPreferencesSchema,
  saved: z.boolean(),
  /** Where an unsaved suggestion came from. */
  suggestedFrom: z.enum(['firmProfile', 'nothing']).nullable(),
  version: z.number().int().min(0),
});
export type AlertSettings = z.infer<typeof alertSettingsSchema>;

/** Saving asks for the version read, so two tabs never overwrite each other unseen. */
export const saveAlertPreferencesSchema = alertPreferencesSchema.extend({ version: z.number().int().min(0) }).strict();

/**
 * Why a challenge reached a person, one line per criterion they set: the alert names each, so a
 * firm sees at once why it hears of this one ("you follow service design; budget up to €20,000").
 * `anything`: they chose no criteria at all and hear of every challenge.
 */
export const alertReasonSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('disciplines'), disciplines: z.array(z.enum(disciplines)).min(1) }),
  z.object({ kind: z.literal('sector'), sector: z.enum(sectors) }),
  z.object({ kind: z.literal('type'), type: z.enum(challengeTypes) }),
  z.object({ kind: z.literal('funding'), funding: z.enum(fundingInstruments) }),
  z.object({ kind: z.literal('budget'), minBudgetCents: centsSchema, budgetMaxCents: centsSchema }),
  z.object({ kind: z.literal('municipality'), municipality: municipalitySchema }),
  z.object({ kind: z.literal('remote') }),
  z.object({ kind: z.literal('anything') }),
]);
export type AlertReason = z.infer<typeof alertReasonSchema>;

/** The two kinds of alert run: one challenge's fan-out on publication, and one week's digest. */
export const alertRunKinds = ['challenge', 'digest'] as const;

/** One alert run as staff follow it: how many people matched, and what became of their emails. */
export const alertRunSchema = z.object({
  runId: z.string(),
  kind: z.enum(alertRunKinds),
  /** The challenge's title, or the digest's week (`2026-W50`). */
  title: z.string(),
  challengeId: z.string().optional(),
  startedAt: z.string(),
  /** `matching` while subscribers are still being read page by page. */
  status: z.enum(['matching', 'matched']),
  matched: z.number().int().min(0),
  sent: z.number().int().min(0),
  suppressed: z.number().int().min(0),
  failed: z.number().int().min(0),
  /** Emails not accounted for yet: matched − sent − suppressed − failed (still on their way). */
  pending: z.number().int(),
});
export type AlertRunView = z.infer<typeof alertRunSchema>;
export const alertRunListSchema = z.object({ items: z.array(alertRunSchema), cursor: z.string().nullable() });

/** The staff delivery view's pages: newest run first. */
export const alertRunQuerySchema = z
  .object({
    cursor: z.string().max(2000).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();

/** A run's id: its challenge's (`challenge-<id>`) or its week's (`digest-2026-W50`). */
export const alertRunIdSchema = z.string().regex(/^(challenge-[0-9A-HJKMNP-TV-Z]{26}|digest-\d{4}-W\d{2})$/, 'Not a valid alert run id');
export const alertRunParamsSchema = z.object({ runId: alertRunIdSchema }).strict();

/**
 * A challenge as an alert or a digest quotes it: what its public summary shows to anyone who may
 * see it, never the brief (an NDA challenge's alert says no more than its summary).
 */
export const alertedChallengeSchema = z.object({
  challengeId: z.string(),
  /** The commissioner's: its own members hear nothing of it. */
  organisationId: z.string(),
  title: z.string(),
  summary: z.string(),
  commissionerName: z.string(),
  sector: z.enum(sectors),
  disciplines: z.array(z.enum(disciplines)).min(1),
  type: z.enum(challengeTypes),
  fundingInstrument: z.enum(fundingInstruments),
  budgetMinCents: centsSchema,
  budgetMaxCents: centsSchema,
  municipality: municipalitySchema.optional(),
  remote: z.boolean(),
  questionDeadline: z.string(),
  bidDeadline: z.string(),
  visibility: z.enum(visibilities),
  ndaRequired: z.boolean(),
});
export type AlertedChallenge = z.infer<typeof alertedChallengeSchema>;
