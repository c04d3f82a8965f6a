import type { MailTemplate } from './template.ts';
import { challengeExample, challengeReasonData } from './challenge-data.ts';
import { pageUrl } from './links.ts';

/** Tells every bidder that the commissioner awards the challenge to no bid, and why; each finds its debrief from the dashboard. */
export const challengeNoAward = {
  type: 'challenge.no_award',
  data: challengeReasonData,
  example: {
    ...challengeExample,
    reason: 'De gemeenteraad heeft het budget voor dit project voorlopig bevroren. Wij willen de vraag later dit jaar opnieuw uitzetten.',
  },
  compose: ({ challengeTitle, commissionerName, reason }, language, { siteUrl }) =>
    language === 'nl'
      ? {
          subject: `“${challengeTitle}” wordt niet gegund`,
          heading: 'De opdracht wordt niet gegund',
          paragraphs: [
            `${commissionerName} heeft besloten de opdracht “${challengeTitle}” aan geen van de biedingen te gunnen. Dat besluit geldt voor alle biedingen, ook de uwe.`,
            `${commissionerName} geeft deze reden:`,
            reason,
            'Op de pagina van uw bieding vindt u de terugkoppeling, zonder namen van andere bedrijven. Via uw dashboard komt u er direct.',
            'Dank u wel voor de tijd en zorg die u in deze bieding hebt gestoken.',
          ],
          action: { label: 'Naar uw dashboard', url: pageUrl(siteUrl, language, '/dashboard') },
        }
      : {
          subject: `“${challengeTitle}” will not be awarded`,
          heading: 'The commission will not be awarded',
          paragraphs: [
            `${commissionerName} has decided not to award the commission “${challengeTitle}” to any of the bids. The decision applies to every bid, yours included.`,
            `${commissionerName} gives this reason:`,
            reason,
            "Your bid's page holds the debrief, without naming any other firm. Your dashboard takes you straight there.",
            'Thank you for the time and care you put into this bid.',
          ],
          action: { label: 'Go to your dashboard', url: pageUrl(siteUrl, language, '/dashboard') },
        },
} satisfies MailTemplate;
