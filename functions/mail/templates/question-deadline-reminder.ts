import { z } from 'zod';
import type { MailTemplate } from './template.ts';
import { amsterdamTime } from './amsterdam-time.ts';
import { challengeData, challengeExample } from './challenge-data.ts';
import { challengeUrl } from './links.ts';

/** Reminds the firms that follow a challenge, two days ahead, that its question deadline is near. */
export const questionDeadlineReminder = {
  type: 'question.deadline_reminder',
  unsubscribe: 'notices',
  data: challengeData.extend({ questionDeadline: z.iso.datetime() }),
  example: { ...challengeExample, questionDeadline: '2025-06-06T10:00:00.000Z' },
  compose: ({ challengeId, challengeTitle, commissionerName, questionDeadline }, language, { siteUrl }) =>
    language === 'nl'
      ? {
          subject: `Nog twee dagen om vragen te stellen over “${challengeTitle}”`,
          heading: 'De vragenronde sluit bijna',
          paragraphs: [
            `U volgt de uitdaging “${challengeTitle}” van ${commissionerName}. Vragen stellen kan tot ${amsterdamTime(questionDeadline, language)} (Nederlandse tijd).`,
            'Is iets in de opdracht onduidelijk? Stel uw vraag nu: het antwoord gaat naar alle geïnteresseerde bedrijven, zonder te noemen wie de vraag stelde.',
          ],
          action: { label: 'Stel een vraag', url: challengeUrl(siteUrl, language, challengeId) },
        }
      : {
          subject: `Two days left to ask about “${challengeTitle}”`,
          heading: 'Questions close soon',
          paragraphs: [
            `You follow the challenge “${challengeTitle}” by ${commissionerName}. You can ask questions until ${amsterdamTime(questionDeadline, language)} (Amsterdam time).`,
            'Is anything in the brief unclear? Ask now: the answer goes to every interested firm, without saying who asked.',
          ],
          action: { label: 'Ask a question', url: challengeUrl(siteUrl, language, challengeId) },
        },
} satisfies MailTemplate;
