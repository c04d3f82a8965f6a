import { z } from 'zod';

/** An email address as Crossover keeps it: trimmed and lower-cased, so one person is one address. */
export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ error: 'Enter a valid email address' }))
  .transform((email) => email.toLowerCase());
