import type { z } from 'zod';
import { invalidate } from '$app/navigation';
import { bidSchema, type Bid } from '$shared/bid.ts';
import { challengeSchema, type Challenge } from '$shared/challenge.ts';
import { Action, type ActionWords } from '$lib/action.svelte.ts';
import { api, type ApiRequest } from '$lib/api.ts';
import { readOrFail } from '$lib/page-load.ts';
import { m } from '$lib/paraglide/messages.js';

/** How the bid page words a failed change. */
export const bidWords: ActionWords = { failed: (reason) => m.bid_failed({ reason }), stale: m.bid_stale };

/** What the bid page reads: the bid and the challenge it answers (for its criteria and budget). */
export interface BidRead {
  bid: Bid;
  challenge: Challenge | null;
}

export function readBid(bidId: string, fetch: typeof globalThis.fetch): Promise<BidRead> {
  return readOrFail(
    async () => {
      const bid = await api(`/api/bids/${bidId}`, { schema: bidSchema, fetch });
      // The challenge only adds the criteria's names and the budget: the bid still shows without it.
      const challenge = await api(`/api/challenges/${bid.challengeId}`, { schema: challengeSchema, fetch }).catch(() => null);
      return { bid, challenge };
    },
    {
      missing: { title: m.bid_not_found(), text: m.bid_not_found_text() },
      failed: { title: m.bid_title(), text: (reason) => m.bid_load_failed({ reason }) },
    },
  );
}

/**
 * The bid page's data: as read, then as each change answers it. Every change goes through
 * `write`, one at a time, so an autosave and a button never send the same version twice.
 */
export class BidPage {
  bid: Bid;
  readonly challenge: Challenge | null;
  #queue: Promise<unknown> = Promise.resolve();

  /** Takes the page's data through a function, so a reload (the page's `load` again) reaches it. */
  constructor(read: () => BidRead) {
    this.bid = $derived(read().bid);
    this.challenge = $derived(read().challenge);
  }

  /** Reads the bid afresh. */
  load(): Promise<void> {
    return invalidate(`/api/bids/${this.bid.id}`);
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
    return (this.bid.criterionAnswers ?? []).map((_, index) => ({ name: m.bid_criterion_number({ number: index + 1 }), description: '' }));
  }
}

/** One group of actions on the bid page, which says beside its controls whether it is busy, what went wrong or what it did. */
export class BidAction extends Action {
  /** Takes the page through a function, so a component always reaches the page it shows now. */
  constructor(private readonly page: () => BidPage) {
    super(bidWords);
  }

  reload(): Promise<void> {
    this.clear();
    return this.page().load();
  }

  /**
   * Calls the API after the page's other writes, with the request made then (so it carries the
   * version of the bid as it is by then); answers what the API returned, or `undefined` when it
   * failed (the failure is then shown; a 204 also answers `undefined`, without one).
   */
  call<Schema extends z.ZodType>(path: `/api/${string}`, request: () => ApiRequest & { schema?: Schema }, notice = ''): Promise<z.output<Schema> | undefined> {
    return this.run(() => this.page().write(() => api(path, request()) as Promise<z.output<Schema>>), notice);
  }

  /** Posts a change whose answer is the bid, which the page then shows; `body` gets the bid as it is when the change is sent. Answers whether it worked. */
  async change(path: `/api/${string}`, body: ((bid: Bid) => unknown) | undefined, notice: string, method: 'POST' | 'DELETE' = 'POST'): Promise<boolean> {
    const page = this.page();
    const bid = await this.call(path, () => ({ method, body: body ? body(page.bid) : undefined, schema: bidSchema }), notice);
    if (bid) page.bid = bid;
    return bid !== undefined;
  }
}
