import type { z } from 'zod';
import { bidSchema, type Bid } from '$shared/bid.ts';
import { challengeSchema, type Challenge } from '$shared/challenge.ts';
import { api, ApiError, type ApiRequest } from '$lib/api.ts';
import { m } from '$lib/paraglide/messages.js';

/** Why a call failed, in the page's words; `stale` when the bid changed since it was read. */
export interface Failure {
  message: string;
  stale: boolean;
  /** The HTTP status; 0 when the API did not answer. */
  status: number;
  /** The API's field errors (`body.approach`), to show beside the fields. */
  fields: readonly { field: string; message: string }[];
}

export function failureOf(error: unknown): Failure {
  if (!(error instanceof ApiError)) throw error;
  const fields = error.fieldErrors;
  if (error.status === 409 && fields.some(({ field }) => field === 'body.version')) return { message: m.bid_stale(), stale: true, status: 409, fields: [] };
  return { message: m.bid_failed({ reason: fields[0]?.message ?? error.problem.detail ?? error.problem.title }), stale: false, status: error.status, fields };
}

/**
 * The bid page's data: the bid and the challenge it answers (for its criteria and budget). Every
 * change goes through `write`, one at a time, so an autosave and a button never send the same version twice.
 */
export class BidPage {
  bid = $state<Bid | null>(null);
  challenge = $state<Challenge | null>(null);
  missing = $state(false);
  failure = $state('');
  #queue: Promise<unknown> = Promise.resolve();

  constructor(readonly bidId: string) {}

  async load(): Promise<void> {
    this.failure = '';
    try {
      const bid = await api(`/api/bids/${this.bidId}`, { schema: bidSchema });
      // The challenge only adds the criteria's names and the budget: the bid still shows without it.
      this.challenge = await api(`/api/challenges/${bid.challengeId}`, { schema: challengeSchema }).catch(() => null);
      this.bid = bid;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if ([400, 403, 404].includes(error.status)) this.missing = true;
      else this.failure = m.bid_load_failed({ reason: error.problem.detail ?? error.problem.title });
    }
  }

  /** Runs a change after the ones already under way. */
  write<T>(change: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(change, change);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /** The criteria the bid answers, in the challenge's order; numbered placeholders when the challenge could not be read. */
  get criteria(): { name: string; description: string; weight?: number }[] {
    if (this.challenge) return this.challenge.criteria;
    return (this.bid?.criterionAnswers ?? []).map((_, index) => ({ name: m.bid_criterion_number({ number: index + 1 }), description: '' }));
  }
}

/** One group of actions on the bid page, which says beside its controls whether it is busy, what went wrong or what it did. */
export class BidAction {
  busy = $state(false);
  failure = $state<Failure | null>(null);
  notice = $state('');

  /** Takes the page through a function, so a component always reaches the page it shows now. */
  constructor(private readonly page: () => BidPage) {}

  reload(): Promise<void> {
    this.failure = null;
    return this.page().load();
  }

  /**
   * Calls the API after the page's other writes, with the request made then (so it carries the
   * version of the bid as it is by then); answers what the API returned, or `undefined` when it
   * failed (the failure is then shown; a 204 also answers `undefined`, without one).
   */
  async call<Schema extends z.ZodType>(path: `/api/${string}`, request: () => ApiRequest & { schema?: Schema }, notice = ''): Promise<z.output<Schema> | undefined> {
    this.busy = true;
    this.failure = null;
    this.notice = '';
    try {
      const result = (await this.page().write(() => api(path, request()))) as z.output<Schema>;
      this.notice = notice;
      return result;
    } catch (error) {
      this.failure = failureOf(error);
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  /** Posts a change whose answer is the bid, which the page then shows; `body` gets the bid as it is when the change is sent. Answers whether it worked. */
  async change(path: `/api/${string}`, body: ((bid: Bid) => unknown) | undefined, notice: string, method: 'POST' | 'DELETE' = 'POST'): Promise<boolean> {
    const page = this.page();
    const bid = await this.call(path, () => ({ method, body: page.bid && body ? body(page.bid) : undefined, schema: bidSchema }), notice);
    if (bid) page.bid = bid;
    return bid !== undefined;
  }
}
