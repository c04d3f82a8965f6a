import type { MailTemplate } from './template.ts';
import { challengeExample, challengeReasonData } from './challenge-data.ts';
import { challengeUrl } from './links.ts';

/** Tells the commissioner that staff rejected its challenge, and why. */
export const challengeRejected = {
  type: 'challenge.rejected',
  data: challengeReasonData,
  example: {
    ...challengeExample,
    reason: 'Deze opdracht is een gewone aanbesteding voor drukwerk; Crossover is bedoeld voor innovatievragen aan de creatieve sector.',
  },
  compose: ({ challengeId, challengeTitle, reason }, language, { siteUrl }) =>
    language === 'nl'
      ? {
          subject: `Uw uitdaging “${challengeTitle}” is afgewezen`,
          heading: 'Uw uitdaging is afgewezen',
          paragraphs: [
            `Het clusterteam heeft “${challengeTitle}” niet gepubliceerd, met deze reden:`,
            reason,
            'Heeft u vragen, of klopt dit niet? Antwoord dan op deze e-mail; wij denken graag met u mee.',
          ],
          action: { label: 'Bekijk de uitdaging', url: challengeUrl(siteUrl, language, challengeId) },
        }
      : {
          subject: `Your challenge “${challengeTitle}” was rejected`,
          heading: 'Your challenge was rejected',
          paragraphs: [
            `The cluster team did not publish “${challengeTitle}”, for this reason:`,
            reason,
            'Any questions, or is this not right? Then reply to this email; we are glad to think along with you.',
          ],
          action: { label: 'View the challenge', url: challengeUrl(siteUrl, language, challengeId) },
        },
} satisfies MailTemplate;
