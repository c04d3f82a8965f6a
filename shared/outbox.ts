import { z } from 'zod';
import { idSchema } from './id.ts';

/** The outbox events staff look after: those still waiting for their emails, and those set aside. */
export const outboxStatuses = ['pending', 'failed'] as const;

export const outboxQuerySchema = z
  .object({
    status: z.enum(outboxStatuses).default('pending'),
    cursor: z.string().max(2000).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();
export const outboxEventParamsSchema = z.object({ eventId: idSchema }).strict();

/** An outbox event as staff see it: what it is and how far it got; only refused addresses are named. */
export const outboxEventSchema = z.object({
  id: z.string(),
  type: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  createdAt: z.string(),
  deliveredAt: z.string().optional(),
  recipientCount: z.number().int(),
  failure: z.string().optional(),
  rejected: z.array(z.object({ email: z.string(), reason: z.string() })),
  /** How many recipients were skipped because their address is on the suppression list. */
  suppressedCount: z.number().int(),
});
export const outboxEventListSchema = z.object({ items: z.array(outboxEventSchema), cursor: z.string().nullable() });

export type OutboxEventView = z.infer<typeof outboxEventSchema>;
