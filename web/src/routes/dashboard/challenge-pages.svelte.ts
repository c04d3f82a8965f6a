import { challengeListSchema, type ChallengeSummary } from '$shared/challenge.ts';
import { api, ApiError } from '$lib/api.ts';
import { m } from '$lib/paraglide/messages.js';

/** A cursor-paged list of challenges from one API path; `load(true)` adds the next page. */
export class ChallengePages {
  items = $state<ChallengeSummary[]>([]);
  cursor = $state<string | null>(null);
  loaded = $state(false);
  failure = $state('');

  constructor(private readonly path: `/api/${string}`) {}

  async load(more = false) {
    this.failure = '';
    try {
      const query = more && this.cursor ? `?cursor=${encodeURIComponent(this.cursor)}` : '';
      const result = await api(`${this.path}${query}`, { schema: challengeListSchema });
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
