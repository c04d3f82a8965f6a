import { organisationVerified } from './organisation-verified.ts';
import type { MailTemplate } from './template.ts';

/** Every email the outbox can send, by event type. */
export const mailTemplates: ReadonlyMap<string, MailTemplate> = new Map(
  [organisationVerified].map((template) => [template.type, template as MailTemplate]),
);
