import { z } from 'zod';
import type { MailTemplate } from './template.ts';
import { bidData, bidExample } from './bid-data.ts';
import { euros } from './euros.ts';
import { bidUrl } from './links.ts';

/** Tells a bid's lead and partners that the commissioner shortlisted it, with the pitch fee the challenge offers. */
export const bidShortlisted = {
  type: 'bid.shortlisted',
  data: bidData.extend({ pitchFeeCents: z.number().int().min(0) }),
  example: { ...bidExample, pitchFeeCents: 150_000 },
  compose: ({ bidId, challengeTitle, commissionerName, pitchFeeCents }, language, { siteUrl }) =>
    language === 'nl'
      ? {
          subject: `Uw bieding op “${challengeTitle}” staat op de shortlist`,
          heading: 'U staat op de shortlist',
          paragraphs: [
            `Goed nieuws: ${commissionerName} heeft uw bieding op de uitdaging “${challengeTitle}” op de shortlist gezet.`,
            ...(pitchFeeCents > 0 ? [`Voor het pitchen van uw voorstel ontvangt u een vergoeding van ${euros(pitchFeeCents, language)}.`] : []),
            'Er is nog niets besloten: de opdracht wordt pas gegund als de beoordeling klaar is. Zodra er een besluit is, hoort u het van ons.',
          ],
          action: { label: 'Bekijk uw bieding', url: bidUrl(siteUrl, language, bidId) },
        }
      : {
          subject: `Your bid on “${challengeTitle}” is on the shortlist`,
          heading: 'You are on the shortlist',
          paragraphs: [
            `Good news: ${commissionerName} has shortlisted your bid on the challenge “${challengeTitle}”.`,
            ...(pitchFeeCents > 0 ? [`For pitching your proposal you receive a fee of ${euros(pitchFeeCents, language)}.`] : []),
            'Nothing has been decided yet: the commission is awarded only once the evaluation is complete. As soon as there is a decision, we will let you know.',
          ],
          action: { label: 'View your bid', url: bidUrl(siteUrl, language, bidId) },
        },
} satisfies MailTemplate;
