import { z } from 'zod';
import type { MailTemplate } from './template.ts';

/** Tells an organisation's owner that staff rejected its registration, and why. */
export const organisationRejected = {
  type: 'organisation.rejected',
  data: z.object({ organisationName: z.string().min(1), reason: z.string().min(1) }),
  example: { organisationName: 'Studio Noord', reason: 'The KvK number belongs to another company.' },
  compose: ({ organisationName, reason }, language, { siteUrl }) =>
    language === 'nl'
      ? {
          subject: `De registratie van ${organisationName} op Crossover is afgewezen`,
          heading: 'Uw registratie is afgewezen',
          paragraphs: [`Het clusterteam heeft de registratie van ${organisationName} afgewezen, met deze reden:`, reason, 'Klopt dit niet? Antwoord dan op deze e-mail.'],
          action: { label: 'Naar Crossover', url: siteUrl },
        }
      : {
          subject: `The registration of ${organisationName} on Crossover was rejected`,
          heading: 'Your registration was rejected',
          paragraphs: [`The cluster team rejected the registration of ${organisationName}, for this reason:`, reason, 'Is this not right? Then reply to this email.'],
          action: { label: 'Go to Crossover', url: siteUrl },
        },
} satisfies MailTemplate;
