import type { MailTemplate } from './template.ts';
import { bidData, bidExample } from './bid-data.ts';
import { bidUrl } from './links.ts';

/** Tells the winning bid's lead and partners that the commissioner awarded them the commission. */
export const bidAwarded = {
  type: 'bid.awarded',
  data: bidData,
  example: bidExample,
  compose: ({ bidId, challengeTitle, commissionerName }, language, { siteUrl }) =>
    language === 'nl'
      ? {
          subject: `Gefeliciteerd: “${challengeTitle}” is aan u gegund`,
          heading: 'De opdracht is aan u gegund',
          paragraphs: [
            `${commissionerName} heeft de opdracht “${challengeTitle}” gegund aan uw bieding. Van harte gefeliciteerd!`,
            `${commissionerName} neemt contact met u op om de afspraken over de opdracht te maken.`,
            'Op de pagina van uw bieding ziet u hoe de beoordelaars haar per criterium hebben gescoord, naast de spreiding van alle biedingen.',
          ],
          action: { label: 'Bekijk uw bieding', url: bidUrl(siteUrl, language, bidId) },
        }
      : {
          subject: `Congratulations: “${challengeTitle}” has been awarded to you`,
          heading: 'The commission is yours',
          paragraphs: [
            `${commissionerName} has awarded the commission “${challengeTitle}” to your bid. Warm congratulations!`,
            `${commissionerName} will get in touch with you to agree the details of the commission.`,
            "Your bid's page shows how the evaluators scored it on each criterion, beside the range of all bids.",
          ],
          action: { label: 'View your bid', url: bidUrl(siteUrl, language, bidId) },
        },
} satisfies MailTemplate;
