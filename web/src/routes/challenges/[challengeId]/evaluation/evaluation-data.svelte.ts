import { invalidate } from '$app/navigation';
import { challengeBidsSchema, evaluationSchema, type Bid, type Evaluation } from '$shared/bid.ts';
import { challengeSchema, type Challenge } from '$shared/challenge.ts';
import { Action } from '$lib/action.svelte.ts';
import { api } from '$lib/api.ts';
import { readOrFail } from '$lib/page-load.ts';
import { m } from '$lib/paraglide/messages.js';

/** What the evaluation page and its report read. */
export interface EvaluationRead {
  challenge: Challenge;
  /** `null` while the bids are sealed. */
  evaluation: Evaluation | null;
  /** The opened bids by id, for their content; the evaluation holds their scores and status. */
  bids: Record<string, Bid>;
  sealed: boolean;
}

/**
 * Reads the challenge, the evaluation and the opened bids, for a page's `load`. Before the
 * deadline the bids stay sealed (the API would refuse to open them): then only the challenge.
 */
export function readEvaluation(challengeId: string, fetch: typeof globalThis.fetch): Promise<EvaluationRead> {
  return readOrFail(
    async () => {
      const challenge = await api(`/api/challenges/${challengeId}`, { schema: challengeSchema, fetch });
      // The challenge's status is as of now on the server's clock: still published means before the deadline.
      if (challenge.status === 'published') return { challenge, evaluation: null, bids: {}, sealed: true };
      const [evaluation, bids] = await Promise.all([
        api(`/api/challenges/${challengeId}/evaluation`, { schema: evaluationSchema, fetch }),
        api(`/api/challenges/${challengeId}/bids`, { schema: challengeBidsSchema, fetch }),
      ]);
      return { challenge, evaluation, bids: Object.fromEntries(bids.items.map((bid) => [bid.id, bid])), sealed: false };
    },
    {
      missing: { title: m.evaluation_not_found() },
      failed: { title: m.evaluation_title(), text: (reason) => m.evaluation_load_failed({ reason }) },
    },
  );
}

/** The evaluation as the page shows it: as read, then as each change answers it. */
export class EvaluationData {
  readonly challenge: Challenge;
  readonly bids: Record<string, Bid>;
  readonly sealed: boolean;
  evaluation = $state<Evaluation | null>(null);

  constructor(read: EvaluationRead) {
    this.challenge = read.challenge;
    this.bids = read.bids;
    this.sealed = read.sealed;
    this.evaluation = read.evaluation;
  }

  /** Reads it all afresh (the page's `load` runs again). */
  load(): Promise<void> {
    return invalidate(`/api/challenges/${this.challenge.id}/evaluation`);
  }
}

/**
 * One change to the evaluation (scores, panel, shortlist, award): busy while it goes, then the
 * evaluation the API answers replaces the page's. A refusal shows beside the form that made it,
 * field by field when the API names fields; a conflict (409) means the evaluation moved on, so it is read afresh.
 */
export class EvaluationAction extends Action {
  /** Takes the page's data through a function, so a component always reaches the page's current one. */
  constructor(private readonly data: () => EvaluationData) {
    super({ failed: (reason) => m.evaluation_failed({ reason }) });
  }

  async send(path: `/api/${string}`, method: 'PUT' | 'POST', body: unknown, notice: string): Promise<boolean> {
    const evaluation = await this.run(() => api(path, { method, body, schema: evaluationSchema }), notice);
    if (evaluation) this.data().evaluation = evaluation;
    else if (this.failure?.status === 409) await this.data().load();
    return evaluation !== undefined;
  }
}
