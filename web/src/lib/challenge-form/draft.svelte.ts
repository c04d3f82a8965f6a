import { SvelteSet } from 'svelte/reactivity';
import type { ChallengeTerms } from '$shared/challenge.ts';
import type { FieldError } from '$shared/problem.ts';
import { m } from '$lib/paraglide/messages.js';
import { termsFrom, type FormValues } from './form-values.ts';
import { termFields, termsErrors, type FormErrors } from './validation.ts';

/** The form's steps, each with the fields it asks, so "Next" checks only what the person has seen. */
export const steps = [
  { title: m.challenge_form_step_challenge, intro: m.challenge_form_intro_challenge, fields: ['language', 'title', 'summary', 'description', 'disciplines', 'type'] },
  {
    title: m.challenge_form_step_money,
    intro: m.challenge_form_intro_money,
    fields: ['budgetMinCents', 'budgetMaxCents', 'fundingInstrument', 'coFinancingPercent', 'pitchFeeCents'],
  },
  {
    title: m.challenge_form_step_planning,
    intro: m.challenge_form_intro_planning,
    fields: ['questionDeadline', 'bidDeadline', 'expectedStart', 'durationWeeks', 'workplace', 'municipality'],
  },
  { title: m.challenge_form_step_evaluation, intro: m.challenge_form_intro_evaluation, fields: ['criteria'] },
  { title: m.challenge_form_step_terms, intro: m.challenge_form_intro_terms, fields: ['rights', 'ndaRequired', 'consortiaAllowed', 'visibility', 'attachments'] },
  { title: m.challenge_form_step_review, intro: m.challenge_form_intro_review, fields: [] },
] as const satisfies readonly { title: () => string; intro: () => string; fields: readonly (keyof ChallengeTerms)[] }[];

export const reviewStep = steps.length;

type Refusals = Record<string, { message: string; value: string }>;

const fieldOf = (path: string) => path.split('.')[0] ?? '';

/** The step (1-based) that asks a field; the review for anything else, such as a stale `version`. */
export const stepOf = (path: string) => steps.findIndex((step) => (step.fields as readonly string[]).includes(fieldOf(path))) + 1 || reviewStep;

/** The value at a path (`criteria.0.weight`) of the terms, to tell whether a field changed since the API judged it. */
function valueAt(terms: unknown, path: string): string {
  const value = path.split('.').reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), terms);
  return JSON.stringify(value) ?? '';
}

/**
 * A challenge being written: the values as typed, the terms they make, and which problems to show.
 * A problem shows once its field has been left or its step checked, and updates as the person types.
 */
export class ChallengeDraft {
  values: FormValues = $state() as FormValues;
  readonly terms = $derived(termsFrom(this.values));
  readonly errors: FormErrors = $derived(termsErrors(this.terms));
  #touched = new SvelteSet<string>();
  /** What the API refused, kept while the field still holds what it refused. */
  #refused = $state<Refusals>({});

  constructor(values: FormValues) {
    this.values = values;
  }

  touch(...paths: string[]) {
    for (const path of paths) this.#touched.add(path);
  }

  errorFor(path: string): string | undefined {
    const refused = this.#refused[path];
    if (refused && refused.value === valueAt(this.terms, path)) return refused.message;
    return this.#touched.has(path) || this.#touched.has(fieldOf(path)) ? this.errors[path] : undefined;
  }

  /** The problems of a step, in the order its fields are asked. */
  problems(step: number): string[] {
    const fields: readonly string[] = steps[step - 1]?.fields ?? termFields;
    const refused = Object.keys(this.#refused).filter((path) => this.#refused[path]?.value === valueAt(this.terms, path));
    return [...Object.keys(this.errors), ...refused.filter((path) => !(path in this.errors))]
      .filter((path) => fields.includes(fieldOf(path)))
      .sort((a, b) => fields.indexOf(fieldOf(a)) - fields.indexOf(fieldOf(b)));
  }

  /** Checking a step shows all its problems beside their fields. */
  check(step: number): string[] {
    this.touch(...(steps[step - 1]?.fields ?? termFields));
    return this.problems(step);
  }

  /** Puts the API's field errors (`body.title`) beside their fields; answers the first such field, by step. */
  refuse(fieldErrors: readonly FieldError[]): string | undefined {
    const refused: Refusals = {};
    for (const { field, message } of fieldErrors) {
      const path = field.replace(/^body\.?/, '');
      if (!path || stepOf(path) === reviewStep) continue;
      refused[path] ??= { message: this.errors[path] ?? message, value: valueAt(this.terms, path) };
    }
    this.#refused = refused;
    this.touch(...Object.keys(refused));
    return Object.keys(refused).sort((a, b) => stepOf(a) - stepOf(b))[0];
  }
}
