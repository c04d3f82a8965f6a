import type { FieldError } from '$shared/problem.ts';
import { ApiError } from './api.ts';

/** Why the API refused, in its own words: the first field's message, else the problem's detail or title. */
export const reasonOf = (error: ApiError): string => error.fieldErrors[0]?.message ?? error.problem.detail ?? error.problem.title;

/** Why an action failed, in the page's words; `stale` when what it changed moved on since it was read (reload, then retry). */
export interface ActionFailure {
  message: string;
  stale: boolean;
  /** The HTTP status; 0 when the API did not answer. */
  status: number;
  /** The API's field errors (`body.approach`), to show beside the fields. */
  fields: readonly FieldError[];
}

/** How a page words an action's failure. */
export interface ActionWords {
  /** The message for a refusal, given the API's reason. */
  failed: (reason: string) => string;
  /** The message for a conflict on the version sent; without it such a conflict is worded like any refusal. */
  stale?: () => string;
  /** The message when the API did not answer; without it that is worded like any refusal. */
  unreachable?: () => string;
}

export function failureOf(error: unknown, words: ActionWords): ActionFailure {
  if (!(error instanceof ApiError)) throw error;
  const fields = error.fieldErrors;
  if (words.unreachable && error.failure === 'unreachable') return { message: words.unreachable(), stale: false, status: error.status, fields: [] };
  if (words.stale && error.status === 409 && fields.some(({ field }) => field === 'body.version')) return { message: words.stale(), stale: true, status: 409, fields: [] };
  return { message: words.failed(reasonOf(error)), stale: false, status: error.status, fields };
}

/** The field errors by their path in the body (`scores.0.comment`), as a form looks them up. */
export const fieldErrorsOf = (fields: readonly FieldError[]): Record<string, string> =>
  Object.fromEntries(fields.map(({ field, message }) => [field.replace(/^body\./, ''), message]));

/**
 * A button's or a form's call to the API: busy while it goes, then what went wrong (in the page's
 * words, with the API's field errors) or what it did.
 */
export class Action {
  busy = $state(false);
  failure = $state<ActionFailure | null>(null);
  notice = $state('');
  /** The API's field errors by their path in the body; a form may add its own before sending. */
  fieldErrors = $state<Record<string, string>>({});

  constructor(private readonly words: ActionWords = { failed: (reason) => reason }) {}

  /** Runs the call and answers what it returned, or `undefined` when the API refused (the failure is then shown). */
  async run<T>(call: () => Promise<T>, notice = ''): Promise<T | undefined> {
    this.busy = true;
    this.clear();
    try {
      const result = await call();
      this.notice = notice;
      return result;
    } catch (error) {
      this.failure = failureOf(error, this.words);
      this.fieldErrors = fieldErrorsOf(this.failure.fields);
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  /** Forgets how the last call went. */
  clear(): void {
    this.failure = null;
    this.notice = '';
    this.fieldErrors = {};
  }
}
