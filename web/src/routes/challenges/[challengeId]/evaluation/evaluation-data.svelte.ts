import { challengeBidsSchema, evaluationSchema, type Bid, type Evaluation } from '$shared/bid.ts';
import { challengeSchema, type Challenge } from '$shared/challenge.ts';
import { api, ApiError } from '$lib/api.ts';
import { m } from '$lib/paraglide/messages.js';

/** Why the API refused, in its own words: the first field's message, else the problem's detail. */
export const reasonOf = (error: ApiError) => error.fieldErrors[0]?.message ?? error.problem.detail ?? error.problem.title;

/**
 * What the evaluation page and its report read: the challenge, the evaluation and the opened bids.
 * Before the deadline the bids stay sealed (the API would refuse to open them): then only that.
 */
export class EvaluationData {
  challenge = $state<Challenge | null>(null);
  evaluation = $state<Evaluation | null>(null);
  /** The opened bids by id, for their content; the evaluation holds their scores and status. */
  bids = $state<Record<string, Bid>>({});
  sealed = $state(false);
  missing = $state(false);
  failure = $state('');

  constructor(private readonly challengeId: () => string) {}

  async load(): Promise<void> {
    const id = this.challengeId();
    this.failure = '';
    try {
      this.challenge = await api(`/api/challenges/${id}`, { schema: challengeSchema });
      // The challenge's status is as of now on the server's clock: still published means before the deadline.
      this.sealed = this.challenge.status === 'published';
      if (this.sealed) return;
      const [evaluation, bids] = await Promise.all([
        api(`/api/challenges/${id}/evaluation`, { schema: evaluationSchema }),
        api(`/api/challenges/${id}/bids`, { schema: challengeBidsSchema }),
      ]);
      this.evaluation = evaluation;
      this.bids = Object.fromEntries(bids.items.map((bid) => [bid.id, bid]));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if ([400, 403, 404].includes(error.status)) this.missing = true;
      else this.failure = m.evaluation_load_failed({ reason: reasonOf(error) });
    }
  }
}

/**
 * One change to the evaluation (scores, panel, shortlist, award): busy while it goes, then the
 * evaluation the API answers replaces the page's. A refusal shows beside the form that made it,
 * field by field when the API names fields; a conflict (409) means the evaluation moved on, so it is read afresh.
 */
export class EvaluationAction {
  busy = $state(false);
  failure = $state('');
  notice = $state('');
  /** The API's field errors by their path in the body (`scores.0.comment`). */
  fieldErrors = $state<Record<string, string>>({});

  /** Takes the page's data through a function, so a component always reaches the page's current one. */
  constructor(private readonly data: () => EvaluationData) {}

  async send(path: `/api/${string}`, method: 'PUT' | 'POST', body: unknown, notice: string): Promise<boolean> {
    this.busy = true;
    this.failure = '';
    this.notice = '';
    this.fieldErrors = {};
    try {
      this.data().evaluation = await api(path, { method, body, schema: evaluationSchema });
      this.notice = notice;
      return true;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      this.fieldErrors = Object.fromEntries(error.fieldErrors.map(({ field, message }) => [field.replace(/^body\./, ''), message]));
      this.failure = m.evaluation_failed({ reason: reasonOf(error) });
      if (error.status === 409) await this.data().load();
      return false;
    } finally {
      this.busy = false;
    }
  }
}
