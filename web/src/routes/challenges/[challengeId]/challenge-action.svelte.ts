import type { z } from 'zod';
import { challengeSchema, type Challenge } from '$shared/challenge.ts';
import { api, ApiError, type ApiRequest } from '$lib/api.ts';
import { m } from '$lib/paraglide/messages.js';

/** What the challenge page lends the parts that change it: take the challenge the API answered, or read it afresh. */
export interface ChallengeControls {
  update(challenge: Challenge): void;
  reload(): Promise<void>;
}

/** Why an action failed, in the page's words; `stale` when the challenge changed since it was read (reload, then retry). */
export interface Failure {
  message: string;
  stale: boolean;
}

export function failureOf(error: unknown): Failure {
  if (!(error instanceof ApiError)) throw error;
  if (error.status === 409 && error.fieldErrors.some(({ field }) => field === 'body.version')) return { message: m.challenge_stale(), stale: true };
  return { message: m.challenge_failed({ reason: error.fieldErrors[0]?.message ?? error.problem.detail ?? error.problem.title }), stale: false };
}

/** One group of actions on the challenge page, which says beside its own controls whether it is busy, what went wrong or what it did. */
export class ChallengeAction {
  busy = $state(false);
  failure = $state<Failure | null>(null);
  notice = $state('');

  /** Takes the page's controls through a function, so a component always reaches the page's current ones. */
  constructor(private readonly controls: () => ChallengeControls) {}

  reload(): Promise<void> {
    return this.controls().reload();
  }

  /** Calls the API and answers what it returned, or `undefined` when it failed (the failure is then shown). */
  async call<Schema extends z.ZodType>(path: `/api/${string}`, request: ApiRequest & { schema: Schema }, notice = ''): Promise<z.output<Schema> | undefined> {
    this.busy = true;
    this.failure = null;
    this.notice = '';
    try {
      const result = await api(path, request);
      this.notice = notice;
      return result;
    } catch (error) {
      this.failure = failureOf(error);
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  /** Posts a change; the challenge the API answers replaces the page's. Answers whether it worked. */
  async change(path: `/api/${string}`, body: unknown, notice: string): Promise<boolean> {
    const challenge = await this.call(path, { method: 'POST', body, schema: challengeSchema }, notice);
    if (challenge) this.controls().update(challenge);
    return challenge !== undefined;
  }
}
