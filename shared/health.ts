import { z } from 'zod';

/** What `GET /api/health` answers: is the API up and can it reach its table. */
export const healthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']).describe('`degraded` when the table cannot be reached'),
    version: z.string().describe('The deployed version of Crossover'),
    table: z.object({ reachable: z.boolean() }),
    time: z.iso.datetime().describe('Server time, UTC ISO 8601'),
  })
  .strict();

export type Health = z.infer<typeof healthSchema>;
