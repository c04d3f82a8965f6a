import { bidContentShape, submissionMinimums, submissionViolations, type Bid, type BidContent } from '$shared/bid.ts';
import type { Language } from '$shared/language.ts';
import { centsFromEuros, eurosFromCents, nextKey } from '$lib/challenge-form/form-values.ts';
import { m } from '$lib/paraglide/messages.js';

export interface TeamRow {
  /** Keeps a row's inputs attached to it when rows above it are removed. */
  key: number;
  name: string;
  role: string;
}

export interface LinkRow {
  key: number;
  title: string;
  url: string;
}

/** The bid as the firm types it: the price in euros, one answer per criterion. */
export interface BidValues {
  approach: string;
  price: string;
  timeline: string;
  team: TeamRow[];
  portfolioLinks: LinkRow[];
  criterionAnswers: string[];
}

export type ContentField = keyof BidContent;
export const contentFields = Object.keys(bidContentShape) as ContentField[];

export const emptyMember = (): TeamRow => ({ key: nextKey(), name: '', role: '' });
export const emptyLink = (): LinkRow => ({ key: nextKey(), title: '', url: 'https://' });

/** The bid's content as stored, with an answer (perhaps empty) for every criterion. */
export function storedContent(bid: Bid, criteriaCount: number): Partial<BidContent> {
  return {
    approach: bid.approach ?? '',
    priceCents: bid.priceCents,
    timeline: bid.timeline ?? '',
    team: bid.team ?? [],
    portfolioLinks: bid.portfolioLinks ?? [],
    criterionAnswers: Array.from({ length: criteriaCount }, (_, index) => bid.criterionAnswers?.[index] ?? ''),
  };
}

export function valuesFrom(bid: Bid, criteriaCount: number, language: Language): BidValues {
  const content = storedContent(bid, criteriaCount);
  return {
    approach: content.approach ?? '',
    price: content.priceCents === undefined ? '' : eurosFromCents(content.priceCents, language),
    timeline: content.timeline ?? '',
    team: (content.team ?? []).map((member) => ({ key: nextKey(), ...member })),
    portfolioLinks: (content.portfolioLinks ?? []).map((link) => ({ key: nextKey(), ...link })),
    criterionAnswers: content.criterionAnswers ?? [],
  };
}

/** The form in the API's terms, not yet checked: an empty price is no price (a draft may leave it out). */
export function candidateFrom(values: BidValues): Record<ContentField, unknown> {
  return {
    approach: values.approach,
    priceCents: values.price.trim() ? centsFromEuros(values.price) : undefined,
    timeline: values.timeline,
    team: values.team.map(({ name, role }) => ({ name, role })),
    portfolioLinks: values.portfolioLinks.map(({ title, url }) => ({ title, url })),
    criterionAnswers: values.criterionAnswers,
  };
}

/** What to say when a field fails its schema; the API's own messages are English only. Rows share one message per column. */
const fieldMessages: Record<string, () => string> = {
  approach: m.bid_error_approach,
  priceCents: m.bid_error_price,
  timeline: m.bid_error_timeline,
  team: m.bid_error_team,
  'team.*.name': m.bid_error_member_name,
  'team.*.role': m.bid_error_member_role,
  portfolioLinks: m.bid_error_links,
  'portfolioLinks.*.title': m.bid_error_link_title,
  'portfolioLinks.*.url': m.bid_error_link_url,
  'criterionAnswers.*': m.bid_error_answer,
};

export function fieldMessage(path: string): string {
  const column = path.replace(/\.\d+(?=\.|$)/, '.*');
  return (fieldMessages[column] ?? fieldMessages[path.split('.')[0] ?? ''] ?? m.bid_error_invalid)();
}

export interface CheckedContent {
  /** The fields that pass their schema, as the API will store them (trimmed). */
  valid: Partial<BidContent>;
  /** Problems by path (`team.0.name`), in the page's language. */
  errors: Record<string, string>;
}

/** Checks each field with the API's own schema (`bidContentShape`), as a draft is checked: what is there must be right. */
export function checkContent(candidate: Record<ContentField, unknown>): CheckedContent {
  const valid: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of contentFields) {
    if (candidate[field] === undefined) continue;
    const parsed = bidContentShape[field].safeParse(candidate[field]);
    if (parsed.success) valid[field] = parsed.data;
    else for (const path of parsed.error.issues.map((issue) => [field, ...issue.path.map(String)].join('.'))) errors[path] ??= fieldMessage(path);
  }
  return { valid: valid as Partial<BidContent>, errors };
}

/** Why the bid cannot be sealed yet (`submissionViolations`, shared with the API), in the page's language; keyed by path. */
export function missingForSubmission(content: Partial<BidContent>, criteria: readonly { name: string }[]): { path: string; message: string }[] {
  return submissionViolations(content, criteria.length).map(({ path }) => ({ path, message: ruleMessage(path, criteria) }));
}

function ruleMessage(path: string, criteria: readonly { name: string }[]): string {
  if (path === 'approach') return m.bid_rule_approach({ min: submissionMinimums.approach });
  if (path === 'priceCents') return m.bid_rule_price();
  if (path === 'timeline') return m.bid_rule_timeline({ min: submissionMinimums.timeline });
  if (path === 'team') return m.bid_rule_team();
  const index = Number(path.split('.')[1]);
  return m.bid_rule_answer({ criterion: criteria[index]?.name ?? String(index + 1), min: submissionMinimums.criterionAnswer });
}

/** The id of the control a path is about, so a list of problems can link to it. */
export function controlId(path: string): string {
  const [field, index, column] = path.split('.');
  if (field === 'criterionAnswers') return `bid-answer-${index}`;
  if (field === 'team' || field === 'portfolioLinks') return index === undefined ? `bid-${field}` : `bid-${field}-${index}-${column ?? ''}`;
  return `bid-${field}`;
}
