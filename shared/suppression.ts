import { z } from 'zod';

/** Why an address is on the suppression list: it bounced for good, or its owner marked our mail as spam. */
export const suppressionReasons = ['bounce', 'complaint'] as const;

export const suppressionQuerySchema = z
  .object({
    cursor: z.string().max(2000).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();

/** An address as SES reported it, lower-cased; looser than a sign-up address, since staff must be able to lift whatever SES sent. */
export const suppressedAddressSchema = z
  .string()
  .trim()
  .min(3)
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+$/, 'Not an email address')
  .transform((email) => email.toLowerCase());
export const suppressionParamsSchema = z.object({ email: suppressedAddressSchema }).strict();

/** One address no email goes to, as staff see it. */
export const suppressionSchema = z.object({
  email: z.string(),
  reason: z.enum(suppressionReasons),
  detail: z.string(),
  suppressedAt: z.string(),
});
export const suppressionListSchema = z.object({ items: z.array(suppressionSchema), cursor: z.string().nullable() });

export type SuppressionView = z.infer<typeof suppressionSchema>;
export type SuppressionReason = (typeof suppressionReasons)[number];
