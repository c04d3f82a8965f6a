import { z } from 'zod';
import { alertFrequencies } from './alerts.ts';
import { emailSchema } from './email.ts';

/**
 * The kinds of email a person can change or stop without signing in: `alerts` (new challenges
 * that fit, one by one or in a digest) and `notices` (reminders and news of challenges they follow
 * or showed interest in). Every other email is transactional and always sent.
 */
export const unsubscribeKinds = ['alerts', 'notices'] as const;
export type UnsubscribeKind = (typeof unsubscribeKinds)[number];

/** The signed link's token, as the path and the page's query carry it. */
export const unsubscribeTokenSchema = z.string().min(1).max(2048);
export const unsubscribeParamsSchema = z.object({ token: unsubscribeTokenSchema });

/** What the unsubscribe page shows and changes: the address the link was sent to, and its two kinds of email. */
export const mailChoicesSchema = z.object({
  email: emailSchema,
  /** The kind of email whose link was followed. */
  kind: z.enum(unsubscribeKinds),
  /** Null when the address has no account (any more): no alerts can go to it. */
  alertFrequency: z.enum(alertFrequencies).nullable(),
  /** Whether reminders and notices about followed challenges still come. */
  notices: z.boolean(),
});
export type MailChoices = z.infer<typeof mailChoicesSchema>;

export const saveMailChoicesSchema = z.object({ alertFrequency: z.enum(alertFrequencies), notices: z.boolean() }).strict();
export type SaveMailChoices = z.infer<typeof saveMailChoicesSchema>;

/** The form body every mail client sends for a one-click unsubscribe (RFC 8058). */
export const oneClickUnsubscribeSchema = z.object({ 'List-Unsubscribe': z.literal('One-Click') });
