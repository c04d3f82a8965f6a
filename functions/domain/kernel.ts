import type { Language } from '#shared/language.ts';

/** Every kind of email Crossover sends, each with its template (functions/mail/templates/), so a misspelt one fails the typecheck. */
export type EmailType =
  | 'account.sign-in-code'
  | 'organisation.verified'
  | 'organisation.rejected'
  | 'organisation.suspended'
  | 'organisation.invitation'
  | 'challenge.submitted'
  | 'challenge.approved'
  | 'challenge.changes_requested'
  | 'challenge.rejected'
  | 'challenge.cancelled'
  | 'challenge.amended'
  | 'challenge.closed'
  | 'challenge.no_award'
  | 'question.answered'
  | 'question.deadline_reminder'
  | 'bid.submitted'
  | 'bid.deadline_reminder'
  | 'bid.shortlisted'
  | 'bid.awarded'
  | 'bid.not_selected'
  | 'bid.help_requested'
  | 'consortium.invited'
  | 'consortium.confirmed'
  | 'consortium.declined'
  | 'challenge.alert'
  | 'alerts.digest';

/** An email owed by a change, written in the same transaction as the change (the outbox). */
export interface OwedEmail {
  type: EmailType;
  recipients: { email: string; language: Language; name?: string; personal?: Record<string, unknown> }[];
  data: Record<string, unknown>;
}

export interface Page<T> {
  items: T[];
  /** Where the next page starts; null on the last page. */
  cursor: string | null;
}

export interface PageRequest {
  limit: number;
  cursor?: string;
}
