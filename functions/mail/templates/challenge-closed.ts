import { z } from 'zod';
import type { MailTemplate } from './template.ts';
import { challengeData, challengeExample } from './challenge-data.ts';
import { evaluationUrl } from './links.ts';

/**
 * Tells the commissioner that the bid deadline passed, so the bids are unsealed for evaluation, and
 * how many came in. `bidCount` is optional: emails owed before bids existed still render.
 */
export const challengeClosed = {
  type: 'challenge.closed',
  data: challengeData.extend({ bidCount: z.number().int().min(0).optional() }),
  example: { ...challengeExample, bidCount: 3 },
  compose: ({ challengeId, challengeTitle, bidCount }, language, { siteUrl }) => {
    const url = evaluationUrl(siteUrl, language, challengeId);
    if (language === 'nl') {
      const deadline = `De deadline voor biedingen op “${challengeTitle}” is verstreken.`;
      if (bidCount === 0) {
        return {
          subject: `De deadline voor “${challengeTitle}” is verstreken`,
          heading: 'Er zijn geen biedingen binnengekomen',
          paragraphs: [
            `${deadline} Er is helaas geen enkele bieding binnengekomen.`,
            'Op de beoordelingspagina kunt u de uitdaging afsluiten zonder gunning. Wilt u de vraag opnieuw of anders uitzetten? Antwoord dan op deze e-mail; het clusterteam denkt graag met u mee.',
          ],
          action: { label: 'Naar de beoordeling', url },
        };
      }
      const arrived =
        bidCount === undefined
          ? 'De biedingen die zijn binnengekomen, zijn nu geopend, zodat u ze kunt beoordelen.'
          : bidCount === 1
            ? 'Er is 1 bieding binnengekomen. Die is nu geopend, zodat u haar kunt beoordelen.'
            : `Er zijn ${bidCount} biedingen binnengekomen. Ze zijn nu geopend, zodat u ze kunt beoordelen.`;
      return {
        subject: `De deadline voor “${challengeTitle}” is verstreken`,
        heading: 'De biedingen liggen voor u klaar',
        paragraphs: [
          `${deadline} ${arrived}`,
          'Geef elke bieding per criterium een score; de ranglijst volgt uit de gewogen totalen. Daarna kunt u bedrijven op de shortlist zetten en de opdracht gunnen.',
        ],
        action: { label: 'Biedingen beoordelen', url },
      };
    }
    const deadline = `The bid deadline for “${challengeTitle}” has passed.`;
    if (bidCount === 0) {
      return {
        subject: `The bid deadline for “${challengeTitle}” has passed`,
        heading: 'No bids came in',
        paragraphs: [
          `${deadline} Unfortunately, not a single bid came in.`,
          'On the evaluation page you can close the challenge without an award. Would you like to put the question out again, or differently? Then reply to this email; the cluster team is glad to think along with you.',
        ],
        action: { label: 'Go to the evaluation', url },
      };
    }
    const arrived =
      bidCount === undefined
        ? 'The bids that came in are now unsealed, so you can evaluate them.'
        : bidCount === 1
          ? '1 bid came in. It is now unsealed, so you can evaluate it.'
          : `${bidCount} bids came in. They are now unsealed, so you can evaluate them.`;
    return {
      subject: `The bid deadline for “${challengeTitle}” has passed`,
      heading: 'The bids are ready for you',
      paragraphs: [
        `${deadline} ${arrived}`,
        'Score each bid on every criterion; the ranking follows from the weighted totals. Then you can shortlist firms and award the commission.',
      ],
      action: { label: 'Evaluate the bids', url },
    };
  },
} satisfies MailTemplate;
