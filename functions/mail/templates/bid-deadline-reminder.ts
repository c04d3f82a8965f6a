import { z } from 'zod';
import type { MailTemplate } from './template.ts';
import { amsterdamTime } from './amsterdam-time.ts';
import { challengeData, challengeExample } from './challenge-data.ts';
import { pageUrl } from './links.ts';

/** Reminds firms with a draft or withdrawn bid, two days before the deadline, that only a submitted bid reaches the commissioner. */
export const bidDeadlineReminder = {
  type: 'bid.deadline_reminder',
  unsubscribe: 'notices',
  data: challengeData.extend({ bidDeadline: z.iso.datetime() }),
  example: { ...challengeExample, bidDeadline: '2025-06-13T15:00:00.000Z' },
  compose: ({ challengeTitle, commissionerName, bidDeadline }, language, { siteUrl }) =>
    language === 'nl'
      ? {
          subject: `De deadline voor “${challengeTitle}” nadert`,
          heading: 'Uw bieding is nog niet ingediend',
          paragraphs: [
            `U kunt op de uitdaging “${challengeTitle}” van ${commissionerName} bieden tot ${amsterdamTime(bidDeadline, language)} (Nederlandse tijd). Uw bedrijf heeft een bieding klaarstaan, maar die is nog niet ingediend.`,
            'Alleen ingediende biedingen komen bij de opdrachtgever terecht; een concept of een ingetrokken bieding blijft na de deadline buiten beschouwing, en dan kan er niets meer aan veranderen. Werkt u samen in een consortium? Dan moeten alle partners hebben bevestigd voordat u kunt indienen.',
            'Besluit u toch niet te bieden, dan hoeft u niets te doen.',
          ],
          action: { label: 'Naar uw biedingen', url: pageUrl(siteUrl, language, '/dashboard') },
        }
      : {
          subject: `The deadline for “${challengeTitle}” is near`,
          heading: 'Your bid has not been submitted yet',
          paragraphs: [
            `You can bid on the challenge “${challengeTitle}” by ${commissionerName} until ${amsterdamTime(bidDeadline, language)} (Amsterdam time). Your firm has a bid in the works, but it has not been submitted yet.`,
            'Only submitted bids reach the commissioner; a draft or a withdrawn bid is left out once the deadline passes, and then nothing about it can change. Bidding as a consortium? Then every partner must have confirmed before you can submit.',
            'If you decide not to bid after all, there is nothing you need to do.',
          ],
          action: { label: 'Go to your bids', url: pageUrl(siteUrl, language, '/dashboard') },
        },
} satisfies MailTemplate;
