import { challengeAmended } from './challenge-amended.ts';
import { challengeApproved } from './challenge-approved.ts';
import { challengeCancelled } from './challenge-cancelled.ts';
import { challengeChangesRequested } from './challenge-changes-requested.ts';
import { challengeClosed } from './challenge-closed.ts';
import { challengeRejected } from './challenge-rejected.ts';
import { challengeSubmitted } from './challenge-submitted.ts';
import { organisationInvitation } from './organisation-invitation.ts';
import { organisationRejected } from './organisation-rejected.ts';
import { organisationSuspended } from './organisation-suspended.ts';
import { organisationVerified } from './organisation-verified.ts';
import { questionAnswered } from './question-answered.ts';
import type { MailTemplate } from './template.ts';

/** Every email the outbox can send, by event type. */
export const mailTemplates: ReadonlyMap<string, MailTemplate> = new Map(
  [
    organisationVerified,
    organisationRejected,
    organisationSuspended,
    organisationInvitation,
    challengeSubmitted,
    challengeApproved,
    challengeChangesRequested,
    challengeRejected,
    challengeCancelled,
    challengeAmended,
    challengeClosed,
    questionAnswered,
  ].map((template) => [template.type, template as MailTemplate]),
);
