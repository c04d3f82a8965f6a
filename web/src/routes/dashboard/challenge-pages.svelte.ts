import type { z } from 'zod';
import { challengeListSchema, type ChallengeSummary } from '$shared/challenge.ts';
import { api, ApiError } from '$lib/api.ts';
import { m } from '$lib/paraglide/messages.js';

/** A cursor-paged list from one API path, read with its schema; `load(true)` adds the next page. */
export class CursorPages<Item> {
  items = $state<Item[]>([]);
  cursor = $state<string | null>(null);
  loaded = $state(false);
  failure = $state('');

  constructor(
    private readonly path: `/api/${string}`,
    private readonly schema: z.ZodType<{ items: Item[]; cursor: string | null }>,
  ) {}

  async load(more = false) {
    this.failure = '';
    try {
      const query = more && this.cursor ? `?cursor=${encodeURIComponent(this.cursor)}` : '';
      const result = await api(`${this.path}${query}`, { schema: this.schema });
      this.items = more ? [...this.items, ...result.items] : result.items;
      this.cursor = result.cursor;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      this.failure = m.dashboard_failed({ reason: error.problem.detail ?? error.problem.title });
    } finally {
      this.loaded = true;
    }
  }
}

/** A cursor-paged list of challenges. */
export class ChallengePages extends CursorPages<ChallengeSummary> {
  constructor(path: `/api/${string}`) {
    super(path, challengeListSchema);
  }
}
