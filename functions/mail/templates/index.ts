import { organisationInvitation } from './organisation-invitation.ts';
import { organisationRejected } from './organisation-rejected.ts';
import { organisationSuspended } from './organisation-suspended.ts';
import { organisationVerified } from './organisation-verified.ts';
import type { MailTemplate } from './template.ts';

/** Every email the outbox can send, by event type. */
export const mailTemplates: ReadonlyMap<string, MailTemplate> = new Map(
  [organisationVerified, organisationRejected, organisationSuspended, organisationInvitation].map((template) => [template.type, template as MailTemplate]),
);
