import type { MailTemplate } from './template.ts';
import { challengeData, challengeExample } from './challenge-data.ts';
import { pageUrl } from './links.ts';

/** Tells cluster staff that a commissioner submitted a challenge, which now waits in their moderation queue. */
export const challengeSubmitted = {
  type: 'challenge.submitted',
  data: challengeData,
  example: challengeExample,
  compose: ({ challengeTitle, commissionerName }, language, { siteUrl }) =>
    language === 'nl'
      ? {
          subject: `Nieuwe uitdaging ter beoordeling: ${challengeTitle}`,
          heading: 'Er wacht een uitdaging op beoordeling',
          paragraphs: [
            `${commissionerName} heeft de uitdaging “${challengeTitle}” ingediend ter beoordeling.`,
            'Wilt u haar bekijken? U kunt haar publiceren, om aanpassingen vragen of afwijzen. Creatieve bedrijven zien haar pas na uw goedkeuring.',
          ],
          action: { label: 'Naar de beoordelingen', url: pageUrl(siteUrl, language, '/staff/challenges') },
        }
      : {
          subject: `New challenge to review: ${challengeTitle}`,
          heading: 'A challenge is waiting for review',
          paragraphs: [
            `${commissionerName} submitted the challenge “${challengeTitle}” for review.`,
            'Could you take a look? You can publish it, ask for changes or reject it. Creative firms only see it once you approve it.',
          ],
          action: { label: 'Open the review queue', url: pageUrl(siteUrl, language, '/staff/challenges') },
        },
} satisfies MailTemplate;
