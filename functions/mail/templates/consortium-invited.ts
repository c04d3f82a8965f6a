import { z } from 'zod';
import type { MailTemplate } from './template.ts';
import { bidData, bidExample } from './bid-data.ts';
import { bidUrl } from './links.ts';

/** Invites an organisation into a lead firm's consortium, with the role and share the lead proposes. */
export const consortiumInvited = {
  type: 'consortium.invited',
  data: bidData.extend({ leadName: z.string().min(1), role: z.string().min(1), sharePercent: z.number().int().min(1).max(99) }),
  example: { ...bidExample, leadName: 'Studio Noord', role: 'Onderzoek met bewoners en co-creatiesessies in de wijk', sharePercent: 30 },
  compose: ({ bidId, challengeTitle, commissionerName, leadName, role, sharePercent }, language, { siteUrl }) =>
    language === 'nl'
      ? {
          subject: `${leadName} nodigt u uit om samen te bieden op “${challengeTitle}”`,
          heading: 'Een uitnodiging om samen te bieden',
          paragraphs: [
            `${leadName} wil samen met uw organisatie bieden op de uitdaging “${challengeTitle}” van ${commissionerName}, en nodigt u uit als partner in het consortium.`,
            `Uw rol: ${role}`,
            `Uw aandeel in de opdracht: ${sharePercent}%`,
            `Bekijk de uitnodiging en laat weten of u meedoet; de bieding zelf leest u zodra u hebt bevestigd. ${leadName} kan de bieding pas indienen als alle partners hebben bevestigd, dus bevestig ruim voor de deadline. Doet u niet mee, wijs de uitnodiging dan af; u bent daarna vrij om zelf te bieden of met een ander bedrijf samen te werken.`,
          ],
          action: { label: 'Bekijk de uitnodiging', url: bidUrl(siteUrl, language, bidId) },
        }
      : {
          subject: `${leadName} invites you to bid together on “${challengeTitle}”`,
          heading: 'An invitation to bid together',
          paragraphs: [
            `${leadName} would like to bid together with your organisation on the challenge “${challengeTitle}” by ${commissionerName}, and invites you as a partner in the consortium.`,
            `Your role: ${role}`,
            `Your share of the commission: ${sharePercent}%`,
            `Look at the invitation and let them know whether you take part; you read the bid itself once you have confirmed. ${leadName} can only submit the bid once every partner has confirmed, so please confirm well before the deadline. If you do not take part, decline the invitation; you are then free to bid yourself or to team up with another firm.`,
          ],
          action: { label: 'View the invitation', url: bidUrl(siteUrl, language, bidId) },
        },
} satisfies MailTemplate;
