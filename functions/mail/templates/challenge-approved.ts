import type { MailTemplate } from './template.ts';
import { challengeData, challengeExample } from './challenge-data.ts';
import { challengeUrl } from './links.ts';

/** Tells the commissioner that staff approved its challenge: it is published and open for questions and bids. */
export const challengeApproved = {
  type: 'challenge.approved',
  data: challengeData,
  example: challengeExample,
  compose: ({ challengeId, challengeTitle, commissionerName }, language, { siteUrl }) =>
    language === 'nl'
      ? {
          subject: `Uw uitdaging “${challengeTitle}” staat online`,
          heading: 'Uw uitdaging is gepubliceerd',
          paragraphs: [
            `Het clusterteam heeft “${challengeTitle}” van ${commissionerName} goedgekeurd. De uitdaging staat nu open voor vragen en biedingen van creatieve bedrijven.`,
            'Beantwoord vragen zo snel als u kunt: elk antwoord gaat naar alle geïnteresseerde bedrijven, zonder te noemen wie de vraag stelde. De biedingen blijven verzegeld tot de deadline.',
          ],
          action: { label: 'Bekijk uw uitdaging', url: challengeUrl(siteUrl, language, challengeId) },
        }
      : {
          subject: `Your challenge “${challengeTitle}” is live`,
          heading: 'Your challenge is published',
          paragraphs: [
            `The cluster team approved “${challengeTitle}” by ${commissionerName}. It is now open for questions and bids from creative firms.`,
            'Please answer questions as soon as you can: every answer goes to all interested firms, without saying who asked. The bids stay sealed until the deadline.',
          ],
          action: { label: 'View your challenge', url: challengeUrl(siteUrl, language, challengeId) },
        },
} satisfies MailTemplate;
