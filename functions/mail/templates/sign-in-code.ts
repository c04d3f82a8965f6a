import { z } from 'zod';
import type { MailTemplate } from './template.ts';

/** The sign-in code and link; sent directly, not through the outbox, since the person is waiting. */
export const signInCode = {
  type: 'account.sign-in-code',
  data: z.object({ code: z.string().regex(/^\d{6}$/), link: z.url() }),
  example: { code: '012345', link: 'http://localhost:3000/sign-in?token=example' },
  compose: ({ code, link }, language) =>
    language === 'nl'
      ? {
          subject: `Uw inlogcode voor Crossover: ${code}`,
          heading: `Uw inlogcode: ${code}`,
          paragraphs: [
            'Vul deze code in op Crossover, of gebruik de knop hieronder. De code en de link werken 15 minuten en één keer.',
            'Heeft u niet gevraagd om in te loggen? Dan kunt u deze e-mail negeren.',
          ],
          action: { label: 'Inloggen op Crossover', url: link },
        }
      : {
          subject: `Your Crossover sign-in code: ${code}`,
          heading: `Your sign-in code: ${code}`,
          paragraphs: [
            'Enter this code on Crossover, or use the button below. The code and the link work for 15 minutes, once.',
            'Did not ask to sign in? Then you can ignore this email.',
          ],
          action: { label: 'Sign in to Crossover', url: link },
        },
} satisfies MailTemplate;
