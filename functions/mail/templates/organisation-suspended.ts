import { z } from 'zod';
import type { MailTemplate } from './template.ts';

/** Tells an organisation's owner that staff suspended it, and why; its members are signed out at once. */
export const organisationSuspended = {
  type: 'organisation.suspended',
  data: z.object({ organisationName: z.string().min(1), reason: z.string().min(1) }),
  example: { organisationName: 'Studio Noord', reason: 'Several commissioners reported unpaid subcontractors.' },
  compose: ({ organisationName, reason }, language, { siteUrl }) =>
    language === 'nl'
      ? {
          subject: `${organisationName} is geschorst op Crossover`,
          heading: 'Uw organisatie is geschorst',
          paragraphs: [
            `Het clusterteam heeft ${organisationName} geschorst, met deze reden:`,
            reason,
            'Zolang de schorsing duurt, kunnen de leden van uw organisatie niet meedoen op Crossover. Antwoord op deze e-mail om de schorsing te bespreken.',
          ],
          action: { label: 'Naar Crossover', url: siteUrl },
        }
      : {
          subject: `${organisationName} is suspended on Crossover`,
          heading: 'Your organisation is suspended',
          paragraphs: [
            `The cluster team suspended ${organisationName}, for this reason:`,
            reason,
            "While the suspension lasts, your organisation's members cannot take part in Crossover. Reply to this email to discuss it.",
          ],
          action: { label: 'Go to Crossover', url: siteUrl },
        },
} satisfies MailTemplate;
