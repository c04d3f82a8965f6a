import type { MailTemplate } from './template.ts';
import { challengeExample, challengeReasonData } from './challenge-data.ts';
import { pageUrl } from './links.ts';

/** Tells the firms that showed interest that the commissioner cancelled the challenge, and why. */
export const challengeCancelled = {
  type: 'challenge.cancelled',
  data: challengeReasonData,
  example: {
    ...challengeExample,
    reason: 'De gemeenteraad heeft het budget voor dit project voorlopig bevroren. Wij hopen de vraag volgend jaar opnieuw uit te zetten.',
  },
  compose: ({ challengeTitle, commissionerName, reason }, language, { siteUrl }) =>
    language === 'nl'
      ? {
          subject: `De uitdaging “${challengeTitle}” is geannuleerd`,
          heading: 'Deze uitdaging gaat niet door',
          paragraphs: [
            `${commissionerName} heeft de uitdaging “${challengeTitle}” geannuleerd, met deze reden:`,
            reason,
            'U hoeft hiervoor niets meer te doen. Dank voor uw belangstelling; op Crossover staan meer uitdagingen die bij u kunnen passen.',
          ],
          action: { label: 'Andere uitdagingen bekijken', url: pageUrl(siteUrl, language, '/challenges') },
        }
      : {
          subject: `The challenge “${challengeTitle}” has been cancelled`,
          heading: 'This challenge will not go ahead',
          paragraphs: [
            `${commissionerName} cancelled the challenge “${challengeTitle}”, for this reason:`,
            reason,
            'There is nothing more you need to do. Thank you for your interest; Crossover has more challenges that may suit you.',
          ],
          action: { label: 'Browse other challenges', url: pageUrl(siteUrl, language, '/challenges') },
        },
} satisfies MailTemplate;
