import type { z } from 'zod';
import type { EmailType } from '#functions/domain/kernel.ts';
import type { Language } from '#shared/language.ts';
import type { UnsubscribeKind } from '#shared/unsubscribe.ts';
import type { EmailContent } from '../layout.ts';

/** One kind of email: which event it answers, the data it needs, and what it says per language. */
export interface MailTemplate<S extends z.ZodType = z.ZodType, P extends z.ZodType = z.ZodType> {
  /** The outbox event type this template renders. */
  type: EmailType;
  /** Event data is read back from the table, so it is checked before rendering. */
  data: S;
  /** Sample data, for tests and previews of both languages. */
  example: z.infer<S>;
  /** What each recipient's email says of its own (an alert's reasons), checked like the data; absent when all are alike. */
  personal?: P;
  /** Sample personal data, for tests and previews. */
  personalExample?: z.infer<P>;
  compose(data: z.infer<S>, language: Language, links: { siteUrl: string }, personal: z.infer<P>): EmailContent;
  /**
   * Which kind of non-transactional email this is: each one carries a link that changes or stops
   * that kind, and the one-click List-Unsubscribe headers. Absent for transactional email (sign-in
   * codes, receipts, decisions), which always goes out.
   */
  unsubscribe?: UnsubscribeKind;
}
