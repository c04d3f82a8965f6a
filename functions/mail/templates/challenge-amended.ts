import { z } from 'zod';
import type { MailTemplate } from './template.ts';
import { amsterdamTime } from './amsterdam-time.ts';
import { challengeData, challengeExample } from './challenge-data.ts';
import { challengeUrl } from './links.ts';

/** Tells the firms that showed interest that the commissioner extended a deadline or added attachments. */
export const challengeAmended = {
  type: 'challenge.amended',
  unsubscribe: 'notices',
  data: challengeData.extend({ bidDeadline: z.iso.datetime(), questionDeadline: z.iso.datetime(), addedAttachments: z.number().int().min(0) }),
  example: { ...challengeExample, bidDeadline: '2025-06-13T15:00:00.000Z', questionDeadline: '2025-06-06T10:00:00.000Z', addedAttachments: 2 },
  compose: ({ challengeId, challengeTitle, commissionerName, bidDeadline, questionDeadline, addedAttachments }, language, { siteUrl }) =>
    language === 'nl'
      ? {
          subject: `De uitdaging “${challengeTitle}” is gewijzigd`,
          heading: 'Er is iets veranderd aan deze uitdaging',
          paragraphs: [
            `${commissionerName} heeft de uitdaging “${challengeTitle}” gewijzigd.`,
            `U kunt nu vragen stellen tot ${amsterdamTime(questionDeadline, language)} en bieden tot ${amsterdamTime(bidDeadline, language)} (Nederlandse tijd).`,
            ...(addedAttachments === 1 ? ['Er is 1 bijlage toegevoegd.'] : addedAttachments > 1 ? [`Er zijn ${addedAttachments} bijlagen toegevoegd.`] : []),
            'Lees de uitdaging gerust nog eens door voordat u biedt.',
          ],
          action: { label: 'Bekijk de uitdaging', url: challengeUrl(siteUrl, language, challengeId) },
        }
      : {
          subject: `The challenge “${challengeTitle}” has changed`,
          heading: 'This challenge has changed',
          paragraphs: [
            `${commissionerName} has changed the challenge “${challengeTitle}”.`,
            `You can now ask questions until ${amsterdamTime(questionDeadline, language)} and bid until ${amsterdamTime(bidDeadline, language)} (Amsterdam time).`,
            ...(addedAttachments === 1 ? ['1 attachment was added.'] : addedAttachments > 1 ? [`${addedAttachments} attachments were added.`] : []),
            'Do read the challenge again before you bid.',
          ],
          action: { label: 'View the challenge', url: challengeUrl(siteUrl, language, challengeId) },
        },
} satisfies MailTemplate;
