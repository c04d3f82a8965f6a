import { z } from 'zod';
import type { MailTemplate } from './template.ts';

/** Invites a colleague to join an organisation; they accept (or decline) after signing in with the invited address. */
export const organisationInvitation = {
  type: 'organisation.invitation',
  data: z.object({ organisationName: z.string().min(1), inviterName: z.string().min(1), email: z.string().min(3), validDays: z.number().int().min(1) }),
  example: { organisationName: 'Studio Noord', inviterName: 'Anna Visser', email: 'ben@studionoord.nl', validDays: 30 },
  compose: ({ organisationName, inviterName, email, validDays }, language, { siteUrl }) =>
    language === 'nl'
      ? {
          subject: `${inviterName} nodigt u uit voor ${organisationName} op Crossover`,
          heading: `Word lid van ${organisationName}`,
          paragraphs: [
            `${inviterName} nodigt u uit om lid te worden van ${organisationName} op Crossover, de opdrachtenmarktplaats van het creatieve cluster.`,
            `Log binnen ${validDays} dagen in met dit adres (${email}) om de uitnodiging te bekijken en aan te nemen of af te slaan.`,
          ],
          action: { label: 'Inloggen op Crossover', url: `${siteUrl}/sign-in` },
        }
      : {
          subject: `${inviterName} invites you to ${organisationName} on Crossover`,
          heading: `Join ${organisationName}`,
          paragraphs: [
            `${inviterName} invites you to join ${organisationName} on Crossover, the creative cluster's commissioning marketplace.`,
            `Sign in with this address (${email}) within ${validDays} days to see the invitation and accept or decline it.`,
          ],
          action: { label: 'Sign in to Crossover', url: `${siteUrl}/sign-in` },
        },
} satisfies MailTemplate;
