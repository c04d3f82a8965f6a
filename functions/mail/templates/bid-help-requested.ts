import { z } from 'zod';
import type { MailTemplate } from './template.ts';
import { bidData, bidExample } from './bid-data.ts';
import { bidUrl } from './links.ts';

/** Asks cluster staff to help a firm with its bid; the request is what lets staff open the sealed bid. */
export const bidHelpRequested = {
  type: 'bid.help_requested',
  data: bidData.extend({ firmName: z.string().min(1), message: z.string().min(1) }),
  example: {
    ...bidExample,
    firmName: 'Studio Noord',
    message: 'Wij twijfelen of onze prijs binnen het budget valt als we de co-creatiesessies meetellen. Kunt u even meekijken?',
  },
  compose: ({ bidId, challengeTitle, commissionerName, firmName, message }, language, { siteUrl }) =>
    language === 'nl'
      ? {
          subject: `${firmName} vraagt hulp bij een bieding op “${challengeTitle}”`,
          heading: 'Een bedrijf vraagt om hulp',
          paragraphs: [
            `${firmName} vraagt het clusterteam om hulp bij de bieding op de uitdaging “${challengeTitle}” van ${commissionerName}. Het bericht:`,
            message,
            `Door deze vraag kunt u de bieding inzien. Houd wat u leest vertrouwelijk: ${commissionerName} en andere bedrijven mogen niets over deze bieding te weten komen.`,
          ],
          action: { label: 'Bekijk de bieding', url: bidUrl(siteUrl, language, bidId) },
        }
      : {
          subject: `${firmName} asks for help with a bid on “${challengeTitle}”`,
          heading: 'A firm asks for help',
          paragraphs: [
            `${firmName} asks the cluster team for help with its bid on the challenge “${challengeTitle}” by ${commissionerName}. Their message:`,
            message,
            `This request lets you open the bid. Keep what you read confidential: ${commissionerName} and other firms must learn nothing about this bid.`,
          ],
          action: { label: 'View the bid', url: bidUrl(siteUrl, language, bidId) },
        },
} satisfies MailTemplate;
