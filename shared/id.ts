import { z } from 'zod';

/** Every id Crossover hands out is a ULID: 26 characters of Crockford's base 32. */
export const idSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Not a valid id');
