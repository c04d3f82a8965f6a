import { z } from 'zod';

/** What every challenge email's data carries (see `challengeEmail` in the challenges domain). */
export const challengeData = z.object({
  challengeId: z.string().min(1),
  challengeTitle: z.string().min(1),
  commissionerName: z.string().min(1),
});

/** A challenge email that passes on a reason staff or the commissioner gave (a rejection, a cancellation). */
export const challengeReasonData = challengeData.extend({ reason: z.string().min(1) });

/** The challenge the examples of every challenge email are about. */
export const challengeExample = {
  challengeId: '01JQ8Z6T4M3K9V5X2B7N1C0D8E',
  challengeTitle: 'Bewoners betrekken bij de warmtetransitie',
  commissionerName: 'Gemeente Zaanstad',
} satisfies z.infer<typeof challengeData>;
