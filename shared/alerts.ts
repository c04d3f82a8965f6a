import { z } from 'zod';
import { centsSchema, challengeTypes, fundingInstruments } from './challenge.ts';
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
