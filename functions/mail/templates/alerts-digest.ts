import type { MailTemplate } from './template.ts';
import { alertData, alertedExample, alertItem, alertPersonal } from './alert-data.ts';
import { pageUrl } from './links.ts';

/** The weekly digest: the week's new challenges that fit the subscriber, each with why; sent only when there is one. */
export const alertsDigest = {
  type: 'alerts.digest',
  unsubscribe: 'alerts',
  data: alertData,
  example: {
    run: 'digest-2027-W02',
    challenges: [
      alertedExample,
      {
        ...alertedExample,
        challengeId: '01JALERTEXAMPLE0000000001',
        title: 'A soundscape for the new metro station',
        summary: 'Compose the sounds travellers hear between the platforms and the street, calm at rush hour and easy to follow.',
        commissionerName: 'GVB',
        disciplines: ['sound'],
        budgetMinCents: 1_500_000,
        budgetMaxCents: 3_000_000,
        ndaRequired: false,
      },
    ],
  },
  personal: alertPersonal,
  personalExample: {
    matches: [
      { challenge: 0, reasons: [{ kind: 'disciplines', disciplines: ['service_design'] }] },
      { challenge: 1, reasons: [{ kind: 'anything' }] },
    ],
  },
  compose: ({ challenges }, language, { siteUrl }, { matches }) => {
    const items = matches.map(({ challenge, reasons }) => alertItem(challenges[challenge]!, reasons, language, siteUrl));
    const count = items.length;
    return language === 'nl'
      ? {
          subject: count === 1 ? 'Deze week 1 nieuwe uitdaging voor u op Crossover' : `Deze week ${count} nieuwe uitdagingen voor u op Crossover`,
          heading: 'Uw weekoverzicht',
          paragraphs: [
            count === 1
              ? 'Deze uitdaging kwam de afgelopen week online en past bij wat u wilt ontvangen.'
              : `Deze ${count} uitdagingen kwamen de afgelopen week online en passen bij wat u wilt ontvangen.`,
          ],
          items,
          closing: ['Wat u ontvangt en hoe vaak, past u aan op uw accountpagina.'],
          action: { label: 'Alle open uitdagingen', url: pageUrl(siteUrl, language, '/challenges') },
        }
      : {
          subject: count === 1 ? 'This week: 1 new challenge for you on Crossover' : `This week: ${count} new challenges for you on Crossover`,
          heading: 'Your weekly digest',
          paragraphs: [
            count === 1
              ? 'This challenge went live in the past week and fits what you asked to hear of.'
              : `These ${count} challenges went live in the past week and fit what you asked to hear of.`,
          ],
          items,
          closing: ['You can change what you hear of, and how often, on your account page.'],
          action: { label: 'All open challenges', url: pageUrl(siteUrl, language, '/challenges') },
        };
  },
} satisfies MailTemplate<typeof alertData, typeof alertPersonal>;
