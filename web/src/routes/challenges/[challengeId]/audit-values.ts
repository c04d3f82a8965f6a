import { challengeStatuses, challengeTypes, criterionSchema, fundingInstruments, rightsSchema, visibilities, workplaces } from '$shared/challenge.ts';
import { disciplines } from '$shared/organisation.ts';
import { formatDate, formatDateTime, formatEuros } from '$lib/format.ts';
import { m } from '$lib/paraglide/messages.js';
import { challengeStatusLabel, challengeTypeLabel, disciplineLabel, fundingLabel, municipalityName, rightsLabel, visibilityLabel, workplaceLabel } from '$lib/vocabulary.ts';

type Codes = readonly string[];
const coded =
  <T extends string>(codes: readonly T[], label: (code: T) => string) =>
  (value: string) =>
    (codes as Codes).includes(value) ? label(value as T) : value;

const parsed = (value: string): unknown => {
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
};

const yesNo = (value: string) => (value === 'true' ? m.register_yes() : value === 'false' ? m.register_no() : value);

/** How each field's recorded value reads; the audit stores them as text, lists and objects as (possibly shortened) JSON. */
const readers: Record<string, (value: string) => string> = {
  status: coded(challengeStatuses, challengeStatusLabel),
  type: coded(challengeTypes, challengeTypeLabel),
  fundingInstrument: coded(fundingInstruments, fundingLabel),
  visibility: coded(visibilities, visibilityLabel),
  workplace: coded(workplaces, workplaceLabel),
  municipality: municipalityName,
  budgetMinCents: (value) => formatEuros(Number(value)),
  budgetMaxCents: (value) => formatEuros(Number(value)),
  pitchFeeCents: (value) => formatEuros(Number(value)),
  bidDeadline: formatDateTime,
  questionDeadline: formatDateTime,
  expectedStart: formatDate,
  durationWeeks: (value) => (value === '1' ? m.challenge_one_week() : m.challenge_weeks({ weeks: value })),
  coFinancingPercent: (value) => `${value}%`,
  consortiaAllowed: yesNo,
  ndaRequired: yesNo,
  language: (value) => value.toUpperCase(),
  disciplines: (value) => {
    const list = parsed(value);
    return Array.isArray(list) ? list.map((code) => coded(disciplines, disciplineLabel)(String(code))).join(', ') : value;
  },
  attachments: (value) => {
    const list = parsed(value);
    return Array.isArray(list) ? list.map((link: { title?: string }) => link.title ?? '').join(', ') : value;
  },
  criteria: (value) => {
    const list = criterionSchema.array().safeParse(parsed(value));
    return list.success ? list.data.map(({ name, weight }) => `${name} (${weight}%)`).join(', ') : value;
  },
  rights: (value) => {
    const rights = rightsSchema.safeParse(parsed(value));
    if (!rights.success) return value;
    return `${rightsLabel(rights.data.model)}; ${rights.data.portfolioRights ? m.challenge_portfolio_yes() : m.challenge_portfolio_no()}`;
  },
};

/** A value from the audit trail in the page's words: labels for codes, amounts, Amsterdam times; free text as written. */
export function auditValue(field: string, value: string | undefined): string {
  if (value === undefined || value === '' || value === '[]') return m.challenge_audit_empty();
  const reader = readers[field];
  if (!reader) return value;
  try {
    const read = reader(value);
    return read && !read.includes('NaN') ? read : value;
  } catch {
    // A time or amount the audit shortened past reading: show it as recorded.
    return value;
  }
}
