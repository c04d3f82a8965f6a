import type { MailTemplate } from './template.ts';
import { alertData, alertedExample, alertItem, alertPersonal } from './alert-data.ts';

/** Tells a subscriber, as soon as staff publish it, of a challenge that fits their alert preferences, and why. */
export const challengeAlert = {
  type: 'challenge.alert',
  unsubscribe: 'alerts',
  data: alertData,
  example: { run: 'challenge-01JALERTEXAMPLE0000000000', challenges: [alertedExample] },
  personal: alertPersonal,
  personalExample: {
    matches: [
      {
        challenge: 0,
        reasons: [
          { kind: 'disciplines', disciplines: ['service_design'] },
          { kind: 'budget', minBudgetCents: 2_000_000, budgetMaxCents: 5_000_000 },
        ],
      },
    ],
  },
  compose: ({ challenges }, language, { siteUrl }, { matches }) => {
    const [match] = matches;
    const challenge = challenges[match!.challenge]!;
    const item = alertItem(challenge, match!.reasons, language, siteUrl);
    return language === 'nl'
      ? {
          subject: `Nieuwe uitdaging: “${challenge.title}”`,
          heading: 'Een nieuwe uitdaging die bij u past',
          paragraphs: [`${challenge.commissionerName} heeft zojuist een uitdaging op Crossover gezet die past bij wat u wilt ontvangen.`],
          items: [item],
          closing: ['Wat u ontvangt en hoe vaak, past u aan op uw accountpagina.'],
          action: { label: 'Bekijk de uitdaging', url: item.url },
        }
      : {
          subject: `New challenge: “${challenge.title}”`,
          heading: 'A new challenge that fits you',
          paragraphs: [`${challenge.commissionerName} has just posted a challenge on Crossover that fits what you asked to hear of.`],
          items: [item],
          closing: ['You can change what you hear of, and how often, on your account page.'],
          action: { label: 'View the challenge', url: item.url },
        };
  },
} satisfies MailTemplate<typeof alertData, typeof alertPersonal>;
