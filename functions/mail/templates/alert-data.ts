import { z } from 'zod';
import { alertedChallengeSchema, alertReasonSchema, type AlertedChallenge, type AlertReason } from '#shared/alerts.ts';
import type { Language } from '#shared/language.ts';
import type { EmailContent } from '../layout.ts';
import { amsterdamTime } from './amsterdam-time.ts';
import { euros } from './euros.ts';
import { challengeUrl } from './links.ts';
import { label, listed, municipalityName } from './vocabulary.ts';

/** What an alert run's emails quote: the run and its challenges' public summaries. */
export const alertData = z.object({ run: z.string(), challenges: z.array(alertedChallengeSchema).min(1) });

/** Each recipient's own: which of the challenges fit them, and why. */
export const alertPersonal = z.object({ matches: z.array(z.object({ challenge: z.number().int().min(0), reasons: z.array(alertReasonSchema).min(1) })).min(1) });

export const alertedExample: AlertedChallenge = {
  challengeId: '01JALERTEXAMPLE0000000000',
  organisationId: '01JORGEXAMPLE000000000000',
  title: 'A wayfinding service for the harbour',
  summary: 'Help first-time visitors find their way from the ferry to the museums, in four languages.',
  commissionerName: 'Port of Amsterdam',
  sector: 'logistics',
  disciplines: ['service_design', 'ux_design'],
  type: 'commission',
  fundingInstrument: 'own_budget',
  budgetMinCents: 2_000_000,
  budgetMaxCents: 5_000_000,
  municipality: 'GM0363',
  remote: false,
  questionDeadline: '2027-01-12T11:00:00.000Z',
  bidDeadline: '2027-01-26T11:00:00.000Z',
  visibility: 'public',
  ndaRequired: true,
};

const because: Record<AlertReason['kind'], (reason: never, language: Language) => string> = {
  disciplines: ({ disciplines }: { disciplines: string[] }, language) =>
    `${language === 'nl' ? 'u volgt' : 'you follow'} ${listed(
      disciplines.map((discipline) => label(language, 'discipline', discipline).toLowerCase()),
      language,
    )}`,
  sector: ({ sector }: { sector: string }, language) =>
    `${language === 'nl' ? 'opdrachtgever uit de sector' : 'a commissioner in'} ${label(language, 'sector', sector).toLowerCase()}`,
  type: ({ type }: { type: string }, language) => `${language === 'nl' ? 'soort' : 'kind'}: ${label(language, 'challenge_type', type).toLowerCase()}`,
  funding: ({ funding }: { funding: string }, language) => `${language === 'nl' ? 'financiering' : 'funding'}: ${label(language, 'funding', funding)}`,
  budget: ({ minBudgetCents, budgetMaxCents }: { minBudgetCents: number; budgetMaxCents: number }, language) =>
    language === 'nl'
      ? `budget tot ${euros(budgetMaxCents, language)}, uw minimum is ${euros(minBudgetCents, language)}`
      : `budget up to ${euros(budgetMaxCents, language)}, your minimum is ${euros(minBudgetCents, language)}`,
  municipality: ({ municipality }: { municipality: string }, language) => `${language === 'nl' ? 'werk in' : 'work in'} ${municipalityName(municipality)}`,
  remote: (_reason, language) => (language === 'nl' ? 'op afstand uit te voeren' : 'can be done remotely'),
  anything: (_reason, language) => (language === 'nl' ? 'u wilt van elke nieuwe uitdaging horen' : 'you asked to hear of every new challenge'),
};

/** Why this challenge reached the recipient, one clause per criterion: "you follow service design; budget up to €50,000". */
export const reasonsLine = (reasons: readonly AlertReason[], language: Language) => reasons.map((reason) => because[reason.kind](reason as never, language)).join('; ');

/** One challenge as an alert or digest lists it: its summary, commissioner, budget, deadlines and why it fits. */
export function alertItem(challenge: AlertedChallenge, reasons: readonly AlertReason[], language: Language, siteUrl: string): NonNullable<EmailContent['items']>[number] {
  // No-break spaces keep the range on one line.
  const budget = `${euros(challenge.budgetMinCents, language)}\u00a0–\u00a0${euros(challenge.budgetMaxCents, language)}`;
  const nl = language === 'nl';
  return {
    title: challenge.title,
    lines: [
      challenge.summary,
      `${challenge.commissionerName} · ${nl ? 'budget' : 'budget'} ${budget}`,
      nl
        ? `Vragen tot ${amsterdamTime(challenge.questionDeadline, language)}, bieden tot ${amsterdamTime(challenge.bidDeadline, language)}.`
        : `Questions until ${amsterdamTime(challenge.questionDeadline, language)}, bids until ${amsterdamTime(challenge.bidDeadline, language)}.`,
      ...(challenge.ndaRequired
        ? [
            nl
              ? 'De volledige opdracht leest u na het accepteren van een geheimhoudingsverklaring (NDA).'
              : 'You read the full brief after accepting a non-disclosure agreement (NDA).',
          ]
        : []),
    ],
    note: `${nl ? 'Waarom u dit krijgt' : 'Why you get this'}: ${reasonsLine(reasons, language)}.`,
    url: challengeUrl(siteUrl, language, challenge.challengeId),
  };
}
