import { challengeTermsShape, termsViolations, weightTotal, type ChallengeTerms } from '$shared/challenge.ts';
import { m } from '$lib/paraglide/messages.js';
import type { TermsCandidate } from './form-values.ts';

/** Problems by path (`title`, `criteria.0.weight`, `rights.model`), in the page's language. */
export type FormErrors = Record<string, string>;

export const termFields = Object.keys(challengeTermsShape) as (keyof ChallengeTerms)[];

/** What to say when a field fails its schema; the API's own messages are English only. Rows share one message per column. */
const fieldMessages: Record<string, () => string> = {
  language: m.challenge_form_error_choose,
  title: m.challenge_form_error_title,
  summary: m.challenge_form_error_summary,
  description: m.challenge_form_error_description,
  disciplines: m.challenge_form_error_disciplines,
  type: m.challenge_form_error_choose,
  budgetMinCents: m.challenge_form_error_amount,
  budgetMaxCents: m.challenge_form_error_amount,
  pitchFeeCents: m.challenge_form_error_amount,
  fundingInstrument: m.challenge_form_error_choose,
  coFinancingPercent: m.challenge_form_error_percent,
  questionDeadline: m.challenge_form_error_datetime,
  bidDeadline: m.challenge_form_error_datetime,
  expectedStart: m.challenge_form_error_date,
  durationWeeks: m.challenge_form_error_weeks,
  workplace: m.challenge_form_error_choose,
  municipality: m.challenge_form_error_municipality,
  criteria: m.challenge_form_error_criteria,
  'criteria.*.name': m.challenge_form_error_criterion_name,
  'criteria.*.description': m.challenge_form_error_criterion_description,
  'criteria.*.weight': m.challenge_form_error_weight,
  'rights.model': m.challenge_form_error_choose,
  visibility: m.challenge_form_error_choose,
  attachments: m.challenge_form_error_attachments,
  'attachments.*.title': m.challenge_form_error_attachment_title,
  'attachments.*.url': m.challenge_form_error_url,
};

function fieldMessage(path: string): string {
  const column = path.replace(/\.\d+(?=\.|$)/, '.*');
  return (fieldMessages[column] ?? fieldMessages[path.split('.')[0] ?? ''] ?? m.challenge_form_error_invalid)();
}

/** The cross-field rules of `termsViolations`, said in the page's language. */
function ruleMessage(path: string, terms: Partial<ChallengeTerms>): string {
  switch (path) {
    case 'budgetMaxCents':
      return m.challenge_form_rule_budget();
    case 'questionDeadline':
      return m.challenge_form_rule_deadlines();
    case 'criteria':
      return m.challenge_form_rule_weights({ total: weightTotal(terms.criteria ?? []) });
    case 'municipality':
      return m.challenge_form_rule_municipality();
    default:
      return m.challenge_form_error_invalid();
  }
}

/**
 * Checks the form as the API will: each field with its own schema from `challengeTermsShape`, then the
 * rules across fields (`termsViolations`) among the fields that are valid on their own. The API also
 * refuses deadlines that have passed, so the form says so before it gets that far.
 */
export function termsErrors(terms: TermsCandidate, now = Date.now()): FormErrors {
  const errors: FormErrors = {};
  const valid: Record<string, unknown> = {};
  for (const field of termFields) {
    const parsed = challengeTermsShape[field].safeParse(terms[field]);
    if (parsed.success) valid[field] = parsed.data;
    else for (const path of parsed.error.issues.map((issue) => [field, ...issue.path.map(String)].join('.'))) errors[path] ??= fieldMessage(path);
  }
  const checked = valid as Partial<ChallengeTerms>;
  for (const { path } of termsViolations(checked)) errors[path] ??= ruleMessage(path, checked);
  for (const field of ['questionDeadline', 'bidDeadline'] as const) {
    const deadline = checked[field];
    if (deadline && Date.parse(deadline) <= now) errors[field] ??= m.challenge_form_error_past();
  }
  return errors;
}
