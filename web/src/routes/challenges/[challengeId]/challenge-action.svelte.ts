import type { z } from 'zod';
import { challengeSchema, type Challenge } from '$shared/challenge.ts';
import { Action } from '$lib/action.svelte.ts';
import { api, type ApiRequest } from '$lib/api.ts';
import { m } from '$lib/paraglide/messages.js';

/** What the challenge page lends the parts that change it: take the challenge the API answered, or read it afresh. */
export interface ChallengeControls {
  update(challenge: Challenge): void;
  reload(): Promise<void>;
}

/** One group of actions on the challenge page, which says beside its own controls whether it is busy, what went wrong or what it did. */
export class ChallengeAction extends Action {
  /** Takes the page's controls through a function, so a component always reaches the page's current ones. */
  constructor(private readonly controls: () => ChallengeControls) {
    super({ failed: (reason) => m.challenge_failed({ reason }), stale: m.challenge_stale });
  }

  reload(): Promise<void> {
    return this.controls().reload();
  }

  /** Calls the API and answers what it returned, or `undefined` when it failed (the failure is then shown). */
  call<Schema extends z.ZodType>(path: `/api/${string}`, request: ApiRequest & { schema: Schema }, notice = ''): Promise<z.output<Schema> | undefined> {
    return this.run(() => api(path, request), notice);
  }

  /** Posts a change; the challenge the API answers replaces the page's. Answers whether it worked. */
  async change(path: `/api/${string}`, body: unknown, notice: string): Promise<boolean> {
    const challenge = await this.call(path, { method: 'POST', body, schema: challengeSchema }, notice);
    if (challenge) this.controls().update(challenge);
    return challenge !== undefined;
  }
}
