import type { MailTemplate } from './template.ts';
import { bidPartnerData, bidPartnerExample } from './bid-data.ts';
import { bidUrl } from './links.ts';

/** Tells the lead firm that a partner it invited joined its consortium. */
export const consortiumConfirmed = {
  type: 'consortium.confirmed',
  data: bidPartnerData,
  example: bidPartnerExample,
  compose: ({ bidId, challengeTitle, partnerName }, language, { siteUrl }) =>
    language === 'nl'
      ? {
          subject: `${partnerName} doet mee met uw bieding op “${challengeTitle}”`,
          heading: 'Uw partner heeft bevestigd',
          paragraphs: [
            `${partnerName} heeft uw uitnodiging aangenomen en doet mee in het consortium van uw bieding op “${challengeTitle}”.`,
            'Zodra alle partners hebben bevestigd en uw bieding compleet is, kunt u haar indienen, vóór de deadline.',
          ],
          action: { label: 'Bekijk uw bieding', url: bidUrl(siteUrl, language, bidId) },
        }
      : {
          subject: `${partnerName} joins your bid on “${challengeTitle}”`,
          heading: 'Your partner has confirmed',
          paragraphs: [
            `${partnerName} accepted your invitation and joins the consortium of your bid on “${challengeTitle}”.`,
            'Once every partner has confirmed and your bid is complete, you can submit it, before the deadline.',
          ],
          action: { label: 'View your bid', url: bidUrl(siteUrl, language, bidId) },
        },
} satisfies MailTemplate;
