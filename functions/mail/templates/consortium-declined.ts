import type { MailTemplate } from './template.ts';
import { bidPartnerData, bidPartnerExample } from './bid-data.ts';
import { bidUrl } from './links.ts';

/** Tells the lead firm that a partner it invited declined, so it must take the partner out before submitting. */
export const consortiumDeclined = {
  type: 'consortium.declined',
  data: bidPartnerData,
  example: bidPartnerExample,
  compose: ({ bidId, challengeTitle, partnerName }, language, { siteUrl }) =>
    language === 'nl'
      ? {
          subject: `${partnerName} doet niet mee met uw bieding op “${challengeTitle}”`,
          heading: 'Uw partner heeft afgezegd',
          paragraphs: [
            `${partnerName} heeft uw uitnodiging voor het consortium van uw bieding op “${challengeTitle}” afgewezen.`,
            'Haal deze partner uit uw bieding voordat u haar indient. U kunt ook een andere partner uitnodigen, zolang de deadline niet is verstreken.',
          ],
          action: { label: 'Bekijk uw bieding', url: bidUrl(siteUrl, language, bidId) },
        }
      : {
          subject: `${partnerName} will not join your bid on “${challengeTitle}”`,
          heading: 'Your partner has declined',
          paragraphs: [
            `${partnerName} declined your invitation to the consortium of your bid on “${challengeTitle}”.`,
            'Take this partner out of your bid before you submit it. You can also invite another partner, as long as the deadline has not passed.',
          ],
          action: { label: 'View your bid', url: bidUrl(siteUrl, language, bidId) },
        },
} satisfies MailTemplate;
