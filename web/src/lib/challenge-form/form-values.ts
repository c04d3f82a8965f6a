import type { Challenge, ChallengeTerms } from '$shared/challenge.ts';
import type { Language } from '$shared/language.ts';
import { amsterdamInputFromIso, isoFromAmsterdamInput } from './amsterdam-time.ts';

export interface CriterionRow {
  /** Keeps a row's inputs attached to it when rows above it are removed. */
  key: number;
  name: string;
  description: string;
  weight: string;
}

export interface AttachmentRow {
  key: number;
  title: string;
  url: string;
}

/** The form as people fill it in: amounts in euros and times as Amsterdam wall clock, all as typed. */
export interface FormValues {
  language: Language;
  title: string;
  summary: string;
  description: string;
  disciplines: string[];
  type: string;
  budgetMin: string;
  budgetMax: string;
  fundingInstrument: string;
  coFinancingPercent: string;
  pitchFee: string;
  questionDeadline: string;
  bidDeadline: string;
  expectedStart: string;
  durationWeeks: string;
  workplace: string;
  municipality: string;
  criteria: CriterionRow[];
  rightsModel: string;
  portfolioRights: boolean;
  ndaRequired: boolean;
  consortiaAllowed: boolean;
  visibility: string;
  attachments: AttachmentRow[];
  /** The deadlines as read, to the millisecond: kept when their minutes are left alone, so an edit changes nothing unasked. */
  readDeadlines?: { questionDeadline: string; bidDeadline: string };
}

/** The terms as the API will read them, not yet checked: every field present, whatever was typed. */
export type TermsCandidate = { [Field in keyof ChallengeTerms]-?: unknown };

let lastKey = 0;
export const nextKey = () => (lastKey += 1);

export const emptyCriterion = (): CriterionRow => ({ key: nextKey(), name: '', description: '', weight: '' });
export const emptyAttachment = (): AttachmentRow => ({ key: nextKey(), title: '', url: 'https://' });

/** A new challenge: written in the page's language, a commission paid from the commissioner's own budget. */
export function emptyValues(language: Language): FormValues {
  return {
    language,
    title: '',
    summary: '',
    description: '',
    disciplines: [],
    type: 'commission',
    budgetMin: '',
    budgetMax: '',
    fundingInstrument: 'own_budget',
    coFinancingPercent: '0',
    pitchFee: '0',
    questionDeadline: '',
    bidDeadline: '',
    expectedStart: '',
    durationWeeks: '',
    workplace: '',
    municipality: '',
    criteria: [emptyCriterion()],
    rightsModel: '',
    portfolioRights: true,
    ndaRequired: false,
    consortiaAllowed: true,
    visibility: 'public',
    attachments: [],
  };
}

/** Euro cents as a person would type them: whole euros, or with the page's decimal mark. */
export function eurosFromCents(cents: number, language: Language): string {
  if (cents % 100 === 0) return String(cents / 100);
  return `${Math.floor(cents / 100)}${language === 'nl' ? ',' : '.'}${String(cents % 100).padStart(2, '0')}`;
}

/**
 * Euros as typed ("25000", "25.000", "25,000", "1.500,50", "€ 99.95") in cents; NaN when it is not an
 * amount. A mark followed by one or two digits at the end is the decimal mark; any other is a thousands separator.
 */
export function centsFromEuros(text: string): number {
  const compact = text.replace(/[\s€]/g, '');
  if (!/^\d[\d.,]*$/.test(compact)) return Number.NaN;
  const decimals = /[.,](\d{1,2})$/.exec(compact);
  const whole = (decimals ? compact.slice(0, decimals.index) : compact).replace(/[.,]/g, '');
  return Number(whole) * 100 + (decimals ? Number((decimals[1] ?? '').padEnd(2, '0')) : 0);
}

/** A whole number as typed; NaN when it is anything else. */
export const wholeNumber = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

/** An existing draft, ready to edit: cents become euros and UTC times Amsterdam wall clock. */
export function valuesFrom(challenge: Challenge): FormValues {
  const language = challenge.language;
  return {
    language,
    title: challenge.title,
    summary: challenge.summary,
    description: challenge.description ?? '',
    disciplines: [...challenge.disciplines],
    type: challenge.type,
    budgetMin: eurosFromCents(challenge.budgetMinCents, language),
    budgetMax: eurosFromCents(challenge.budgetMaxCents, language),
    fundingInstrument: challenge.fundingInstrument,
    coFinancingPercent: String(challenge.coFinancingPercent),
    pitchFee: eurosFromCents(challenge.pitchFeeCents, language),
    questionDeadline: amsterdamInputFromIso(challenge.questionDeadline),
    bidDeadline: amsterdamInputFromIso(challenge.bidDeadline),
    expectedStart: challenge.expectedStart,
    durationWeeks: String(challenge.durationWeeks),
    workplace: challenge.workplace,
    municipality: challenge.municipality ?? '',
    criteria: challenge.criteria.map((criterion) => ({ key: nextKey(), ...criterion, weight: String(criterion.weight) })),
    rightsModel: challenge.rights.model,
    portfolioRights: challenge.rights.portfolioRights,
    ndaRequired: challenge.ndaRequired,
    consortiaAllowed: challenge.consortiaAllowed,
    visibility: challenge.visibility,
    attachments: (challenge.attachments ?? []).map((attachment) => ({ key: nextKey(), ...attachment })),
    readDeadlines: { questionDeadline: challenge.questionDeadline, bidDeadline: challenge.bidDeadline },
  };
}

function deadline(values: FormValues, field: 'questionDeadline' | 'bidDeadline'): string {
  const read = values.readDeadlines?.[field];
  return read && amsterdamInputFromIso(read) === values[field] ? read : isoFromAmsterdamInput(values[field]);
}

/** The form in the API's terms: euros to cents, Amsterdam times to UTC, no place when the work is remote. */
export function termsFrom(values: FormValues): TermsCandidate {
  return {
    language: values.language,
    title: values.title,
    summary: values.summary,
    description: values.description,
    disciplines: values.disciplines,
    type: values.type,
    budgetMinCents: centsFromEuros(values.budgetMin),
    budgetMaxCents: centsFromEuros(values.budgetMax),
    fundingInstrument: values.fundingInstrument,
    coFinancingPercent: wholeNumber(values.coFinancingPercent),
    pitchFeeCents: centsFromEuros(values.pitchFee),
    questionDeadline: deadline(values, 'questionDeadline'),
    bidDeadline: deadline(values, 'bidDeadline'),
    expectedStart: values.expectedStart,
    durationWeeks: wholeNumber(values.durationWeeks),
    workplace: values.workplace,
    municipality: values.workplace === 'remote' || !values.municipality ? undefined : values.municipality,
    criteria: values.criteria.map(({ name, description, weight }) => ({ name, description, weight: wholeNumber(weight) })),
    rights: { model: values.rightsModel, portfolioRights: values.portfolioRights },
    ndaRequired: values.ndaRequired,
    consortiaAllowed: values.consortiaAllowed,
    visibility: values.visibility,
    attachments: values.attachments.map(({ title, url }) => ({ title, url })),
  };
}
