import { z } from 'zod';
import type { MailTemplate } from './template.ts';
import { challengeData, challengeExample } from './challenge-data.ts';
import { pageUrl } from './links.ts';

/**
 * Tells every bidder not chosen that the commission went to another bid, with the commissioner's
 * feedback. One email reaches them all, so it opens the dashboard, where each finds its own bid's debrief.
 */
export const bidNotSelected = {
  type: 'bid.not_selected',
  data: challengeData.extend({ feedback: z.string().min(1) }),
  example: {
    ...challengeExample,
    feedback: 'Wij kregen sterke voorstellen. De gekozen bieding sloot het best aan bij bewoners die weinig Nederlands spreken, en paste ruim binnen het budget.',
  },
  compose: ({ challengeTitle, commissionerName, feedback }, language, { siteUrl }) =>
    language === 'nl'
      ? {
          subject: `Uw bieding op “${challengeTitle}” is niet gekozen`,
          heading: 'Uw bieding is niet gekozen',
          paragraphs: [
            `${commissionerName} heeft de opdracht “${challengeTitle}” gegund aan een andere bieding. Uw bieding is deze keer niet gekozen.`,
            `${commissionerName} licht het besluit zo toe:`,
            feedback,
            'Op de pagina van uw bieding vindt u de terugkoppeling: per criterium uw score naast de laagste, middelste en hoogste score van alle biedingen, zonder namen. Via uw dashboard komt u er direct.',
            'Dank u wel voor de tijd en zorg die u in deze bieding hebt gestoken. Wij hopen u snel terug te zien bij een volgende uitdaging.',
          ],
          action: { label: 'Naar uw dashboard', url: pageUrl(siteUrl, language, '/dashboard') },
        }
      : {
          subject: `Your bid on “${challengeTitle}” was not selected`,
          heading: 'Your bid was not selected',
          paragraphs: [
            `${commissionerName} has awarded the commission “${challengeTitle}” to another bid. Your bid was not selected this time.`,
            `${commissionerName} explains the decision as follows:`,
            feedback,
            "Your bid's page holds the debrief: for each criterion your score beside the lowest, middle and highest score of all bids, without names. Your dashboard takes you straight there.",
            'Thank you for the time and care you put into this bid. We hope to see you again at a next challenge.',
          ],
          action: { label: 'Go to your dashboard', url: pageUrl(siteUrl, language, '/dashboard') },
        },
} satisfies MailTemplate;
