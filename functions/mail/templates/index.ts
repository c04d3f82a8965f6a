import { bidAwarded } from './bid-awarded.ts';
import { bidDeadlineReminder } from './bid-deadline-reminder.ts';
import { bidHelpRequested } from './bid-help-requested.ts';
import { bidNotSelected } from './bid-not-selected.ts';
import { bidShortlisted } from './bid-shortlisted.ts';
import { bidSubmitted } from './bid-submitted.ts';
import { challengeAmended } from './challenge-amended.ts';
import { challengeApproved } from './challenge-approved.ts';
import { challengeCancelled } from './challenge-cancelled.ts';
import { challengeChangesRequested } from './challenge-changes-requested.ts';
import { challengeClosed } from './challenge-closed.ts';
import { challengeNoAward } from './challenge-no-award.ts';
import { challengeRejected } from './challenge-rejected.ts';
import { challengeSubmitted } from './challenge-submitted.ts';
import { consortiumConfirmed } from './consortium-confirmed.ts';
import { consortiumDeclined } from './consortium-declined.ts';
import { consortiumInvited } from './consortium-invited.ts';
import { organisationInvitation } from './organisation-invitation.ts';
import { organisationRejected } from './organisation-rejected.ts';
import { organisationSuspended } from './organisation-suspended.ts';
import { organisationVerified } from './organisation-verified.ts';
import { questionAnswered } from './question-answered.ts';
import { questionDeadlineReminder } from './question-deadline-reminder.ts';
import type { MailTemplate } from './template.ts';
import { alertsDigest } from './alerts-digest.ts';
import { challengeAlert } from './challenge-alert.ts';

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
    questionDeadlineReminder,
    bidSubmitted,
    bidDeadlineReminder,
    bidShortlisted,
    bidAwarded,
    bidNotSelected,
    challengeNoAward,
    consortiumInvited,
    consortiumConfirmed,
    consortiumDeclined,
    bidHelpRequested,
    challengeAlert,
    alertsDigest,
  ].map((template) => [template.type, template as MailTemplate]),
);
