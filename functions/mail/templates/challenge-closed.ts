import type { MailTemplate } from './template.ts';
import { challengeData, challengeExample } from './challenge-data.ts';
import { challengeUrl } from './links.ts';

/** Tells the commissioner that the bid deadline passed, so the bids are unsealed for evaluation. */
export const challengeClosed = {
  type: 'challenge.closed',
  data: challengeData,
  example: challengeExample,
  compose: ({ challengeId, challengeTitle }, language, { siteUrl }) =>
    language === 'nl'
      ? {
          subject: `De deadline voor “${challengeTitle}” is verstreken`,
          heading: 'De biedingen liggen voor u klaar',
          paragraphs: [
            `De deadline voor biedingen op “${challengeTitle}” is verstreken. De biedingen die zijn binnengekomen, zijn nu geopend, zodat u ze kunt beoordelen.`,
            'Geef elke bieding per criterium een score; de ranglijst volgt uit de gewogen totalen. Daarna kunt u bedrijven op de shortlist zetten en de opdracht gunnen.',
          ],
          action: { label: 'Biedingen beoordelen', url: challengeUrl(siteUrl, language, challengeId) },
        }
      : {
          subject: `The bid deadline for “${challengeTitle}” has passed`,
          heading: 'The bids are ready for you',
          paragraphs: [
            `The bid deadline for “${challengeTitle}” has passed. The bids that came in are now unsealed, so you can evaluate them.`,
            'Score each bid on every criterion; the ranking follows from the weighted totals. Then you can shortlist firms and award the commission.',
          ],
          action: { label: 'Evaluate the bids', url: challengeUrl(siteUrl, language, challengeId) },
        },
} satisfies MailTemplate;
