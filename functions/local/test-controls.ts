import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { advanceClock } from '../clock.ts';

/** What one run of the scheduled deadline jobs did. */
export interface DeadlineJobsRun {
  closed: number;
  reminded: number;
}

export type TestControls = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/** Where the local server serves the test controls, and only them. */
export const testControlsPrefix = '/__test__/';

const moveClock = z.object({ advanceMs: z.number().int().min(0) }).strict();

/**
 * Controls for end-to-end tests of the local stack, which a test run must ask for with
 * `CROSSOVER_TEST_CONTROLS=1`; otherwise none (the server then answers 404).
 * `POST /__test__/clock` `{ "advanceMs": n }` moves the domain's clock n ms forward and runs the
 * deadline jobs once at the new time, so a test can pass a bid deadline without waiting for it.
 */
export function testControlsFor(environment: NodeJS.ProcessEnv, runDeadlineJobs: () => Promise<DeadlineJobsRun>): TestControls | undefined {
  if (environment.CROSSOVER_TEST_CONTROLS !== '1') return undefined;
  return async (request, response) => {
    if (request.url !== `${testControlsPrefix}clock` || request.method !== 'POST') return answer(response, 404, { detail: 'No such test control' });
    const parsed = moveClock.safeParse(await jsonBody(request));
    if (!parsed.success) return answer(response, 422, { detail: 'Send { "advanceMs": a whole number of milliseconds, 0 or more }' });
    const now = advanceClock(parsed.data.advanceMs);
    const { closed, reminded } = await runDeadlineJobs();
    answer(response, 200, { now: now.toISOString(), closed, reminded });
  };
}

async function jsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}

function answer(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}
