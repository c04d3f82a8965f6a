import type { Language } from '#shared/language.ts';

/** An email owed by a change, written in the same transaction as the change (the outbox). */
export interface OwedEmail {
  type: string;
  recipients: { email: string; language: Language; name?: string }[];
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
