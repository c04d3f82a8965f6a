import { z } from 'zod';
import type { MailTemplate } from './template.ts';

/** Tells an organisation's owner that staff verified it, so it can now act in the marketplace. */
export const organisationVerified = {
  type: 'organisation.verified',
  data: z.object({ organisationName: z.string().min(1) }),
  example: { organisationName: 'Studio Noord' },
  compose: ({ organisationName }, language, { siteUrl }) =>
    language === 'nl'
      ? {
          subject: `${organisationName} is geverifieerd op Crossover`,
          heading: 'Uw organisatie is geverifieerd',
          paragraphs: [`Het clusterteam heeft ${organisationName} geverifieerd.`, 'U kunt nu volledig meedoen op Crossover: uitdagingen plaatsen of erop bieden.'],
          action: { label: 'Naar Crossover', url: siteUrl },
        }
      : {
          subject: `${organisationName} is verified on Crossover`,
          heading: 'Your organisation is verified',
          paragraphs: [`The cluster team has verified ${organisationName}.`, 'You can now take full part in Crossover: post challenges or bid on them.'],
          action: { label: 'Go to Crossover', url: siteUrl },
        },
} satisfies MailTemplate;
