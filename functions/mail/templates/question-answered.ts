import { z } from 'zod';
import type { MailTemplate } from './template.ts';
import { challengeData, challengeExample } from './challenge-data.ts';
import { challengeUrl } from './links.ts';

/** Publishes a clarification answer to every firm that showed interest, quoting the question but never who asked it. */
export const questionAnswered = {
  type: 'question.answered',
  unsubscribe: 'notices',
  data: challengeData.extend({ question: z.string().min(1), answer: z.string().min(1) }),
  example: {
    ...challengeExample,
    question: 'Mogen wij ook een voorstel doen dat alleen in de wijk Poelenburg start?',
    answer: 'Ja, een pilot in één wijk is welkom, mits u beschrijft hoe de aanpak daarna in andere wijken kan worden toegepast.',
  },
  compose: ({ challengeId, challengeTitle, commissionerName, question, answer }, language, { siteUrl }) =>
    language === 'nl'
      ? {
          subject: `Nieuw antwoord op een vraag over “${challengeTitle}”`,
          heading: 'Er is een vraag beantwoord',
          paragraphs: [
            `${commissionerName} heeft een vraag over de uitdaging “${challengeTitle}” beantwoord. Iedereen die belangstelling heeft getoond, krijgt dit antwoord.`,
            `Vraag: “${question}”`,
            `Antwoord: “${answer}”`,
          ],
          action: { label: 'Bekijk de uitdaging', url: challengeUrl(siteUrl, language, challengeId) },
        }
      : {
          subject: `New answer to a question about “${challengeTitle}”`,
          heading: 'A question has been answered',
          paragraphs: [
            `${commissionerName} answered a question about the challenge “${challengeTitle}”. Every firm that showed interest receives this answer.`,
            `Question: “${question}”`,
            `Answer: “${answer}”`,
          ],
          action: { label: 'View the challenge', url: challengeUrl(siteUrl, language, challengeId) },
        },
} satisfies MailTemplate;
