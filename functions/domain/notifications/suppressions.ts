import { z } from 'zod';
import type { SuppressionReason, SuppressionView } from '#shared/suppression.ts';
import { notFoundError } from '../errors.ts';
import type { Page, PageRequest } from '../kernel.ts';

/** One address put on the suppression list, with what SES said about it. */
export interface SuppressionEntry {
  email: string;
  reason: SuppressionReason;
  detail: string;
  suppressedAt: string;
  sesMessageId: string;
}

/** The suppression list as the domain needs it; addresses are compared lower-cased. */
export interface SuppressionStore {
  /** Puts the addresses on the list; putting one again only refreshes its entry. */
  suppress(entries: SuppressionEntry[]): Promise<void>;
  /** Which of these addresses are on the list (lower-cased). */
  suppressedAmong(emails: string[]): Promise<Set<string>>;
  /** One page of the list, newest first. */
  list(page: PageRequest): Promise<Page<SuppressionEntry>>;
  /** Takes the address off the list; false if it was not on it. */
  lift(email: string): Promise<boolean>;
}

/** What is kept of SES's words: enough for staff to see why, never a whole DSN. */
const DETAIL_LENGTH = 300;

// Only the fields used; SES adds fields at will, so unknown ones are let through unread.
const mailSchema = z.object({ messageId: z.string().min(1) });
// When SES learnt of it; kept in UTC so that the list sorts by it.
const timestampSchema = z.iso.datetime({ offset: true }).transform((timestamp) => new Date(timestamp).toISOString());
const bounceSchema = z.object({
  bounceType: z.string(),
  bounceSubType: z.string().optional(),
  bouncedRecipients: z.array(z.object({ emailAddress: z.string().min(3), diagnosticCode: z.string().optional() })),
  timestamp: timestampSchema,
});
const complaintSchema = z.object({
  complainedRecipients: z.array(z.object({ emailAddress: z.string().min(3) })),
  complaintFeedbackType: z.string().optional(),
  timestamp: timestampSchema,
});
/**
 * A configuration set's event publishing names the kind `eventType`; an identity's own
 * notifications name it `notificationType`. The rest of the record is the same.
 */
const kindSchema = z.union([z.object({ eventType: z.string() }), z.object({ notificationType: z.string() })]);
const bounceNotificationSchema = z.object({ bounce: bounceSchema, mail: mailSchema });
const complaintNotificationSchema = z.object({ complaint: complaintSchema, mail: mailSchema });

/** What an SES notification means for the list. */
export type NotificationOutcome = { kind: 'suppress'; entries: SuppressionEntry[] } | { kind: 'ignore'; reason: string } | { kind: 'malformed'; reason: string };

const malformed = (reason: string): NotificationOutcome => ({ kind: 'malformed', reason: `The message is no SES notification: ${reason}` });

const shortened = (text: string) => (text.length > DETAIL_LENGTH ? `${text.slice(0, DETAIL_LENGTH - 1)}…` : text);
const uniqueBy = <T extends { email: string }>(entries: T[]) => [...new Map(entries.map((entry) => [entry.email, entry])).values()];

/**
 * Reads one SES notification (the SNS message's text):
 * 1. parse it, as event publishing or identity notifications shape it (neither: malformed)
 * 2. a permanent bounce suppresses each bounced recipient, with its type and diagnostic code
 * 3. a transient or undetermined bounce suppresses nobody: the address may work tomorrow
 * 4. a complaint suppresses each complained recipient, with its feedback type
 * 5. any other kind (delivery, send, open, ...) is ignored
 */
export function suppressionsFrom(message: string): NotificationOutcome {
  let json: unknown;
  try {
    json = JSON.parse(message);
  } catch {
    return malformed('not JSON');
  }
  const kinds = kindSchema.safeParse(json);
  if (!kinds.success) return malformed('it names no eventType or notificationType');
  const kind = 'eventType' in kinds.data ? kinds.data.eventType : kinds.data.notificationType;
  if (kind === 'Bounce') {
    const notification = bounceNotificationSchema.safeParse(json);
    if (!notification.success) return malformed(notification.error.message);
    const { bounce, mail } = notification.data;
    if (bounce.bounceType !== 'Permanent') return { kind: 'ignore', reason: `A ${bounce.bounceType} bounce suppresses nobody` };
    const type = [bounce.bounceType, bounce.bounceSubType].filter(Boolean).join('/');
    const entries = bounce.bouncedRecipients.map(({ emailAddress, diagnosticCode }) => ({
      email: emailAddress.trim().toLowerCase(),
      reason: 'bounce' as const,
      detail: shortened(diagnosticCode ? `${type}: ${diagnosticCode}` : type),
      suppressedAt: bounce.timestamp,
      sesMessageId: mail.messageId,
    }));
    return { kind: 'suppress', entries: uniqueBy(entries) };
  }
  if (kind === 'Complaint') {
    const notification = complaintNotificationSchema.safeParse(json);
    if (!notification.success) return malformed(notification.error.message);
    const { complaint, mail } = notification.data;
    const entries = complaint.complainedRecipients.map(({ emailAddress }) => ({
      email: emailAddress.trim().toLowerCase(),
      reason: 'complaint' as const,
      detail: shortened(complaint.complaintFeedbackType ?? 'complaint without a feedback report'),
      suppressedAt: complaint.timestamp,
      sesMessageId: mail.messageId,
    }));
    return { kind: 'suppress', entries: uniqueBy(entries) };
  }
  return { kind: 'ignore', reason: `A ${kind} notification changes nothing` };
}

/**
 * Records one SES notification:
 * 1. read what it means (suppressionsFrom)
 * 2. put the addresses it names on the list; a storage failure is thrown, so the notification comes again
 * 3. answer the outcome, for the log
 */
export async function recordSesNotification(message: string, suppressions: Pick<SuppressionStore, 'suppress'>): Promise<NotificationOutcome> {
  const outcome = suppressionsFrom(message);
  if (outcome.kind === 'suppress' && outcome.entries.length) await suppressions.suppress(outcome.entries);
  return outcome;
}

const suppressionView = ({ email, reason, detail, suppressedAt }: SuppressionEntry): SuppressionView => ({ email, reason, detail, suppressedAt });

/** The suppression list as staff see it, newest first. */
export async function suppressionList(page: PageRequest, suppressions: SuppressionStore): Promise<Page<SuppressionView>> {
  const { items, cursor } = await suppressions.list(page);
  return { items: items.map(suppressionView), cursor };
}

/** Staff lift an address off the list (404 if it is not on it); mail goes to it again from then on. */
export async function liftSuppression(email: string, suppressions: SuppressionStore): Promise<void> {
  if (!(await suppressions.lift(email.toLowerCase()))) throw notFoundError('This address is not on the suppression list.');
}
