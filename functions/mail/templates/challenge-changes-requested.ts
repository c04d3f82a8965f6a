import { z } from 'zod';
import type { MailTemplate } from './template.ts';
import { challengeData, challengeExample } from './challenge-data.ts';
import { challengeUrl } from './links.ts';

/** Tells the commissioner that staff sent its challenge back to draft, and what to change. */
export const challengeChangesRequested = {
  type: 'challenge.changes_requested',
  data: challengeData.extend({ comment: z.string().min(1) }),
  example: {
    ...challengeExample,
    comment: 'Noem graag het budget en de gewenste opleverdatum, en maak het tweede beoordelingscriterium concreter: wat bedoelt u met “impact”?',
  },
  compose: ({ challengeId, challengeTitle, comment }, language, { siteUrl }) =>
    language === 'nl'
      ? {
          subject: `Uw uitdaging “${challengeTitle}” heeft nog aanpassingen nodig`,
          heading: 'Nog een paar aanpassingen nodig',
          paragraphs: [
            `Het clusterteam heeft “${challengeTitle}” bekeken en vraagt u het volgende aan te passen:`,
            comment,
            'De uitdaging staat weer als concept voor u klaar. Pas haar aan en dien haar opnieuw in; wij kijken er dan graag nog eens naar.',
          ],
          action: { label: 'Uitdaging aanpassen', url: challengeUrl(siteUrl, language, challengeId) },
        }
      : {
          subject: `Your challenge “${challengeTitle}” needs a few changes`,
          heading: 'A few changes needed',
          paragraphs: [
            `The cluster team looked at “${challengeTitle}” and asks you to change the following:`,
            comment,
            'The challenge is back in draft for you. Make the changes and submit it again; we will gladly take another look.',
          ],
          action: { label: 'Edit the challenge', url: challengeUrl(siteUrl, language, challengeId) },
        },
} satisfies MailTemplate;
