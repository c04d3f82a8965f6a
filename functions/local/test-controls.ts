import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { PROBLEM_CONTENT_TYPE, type Problem } from '#shared/problem.ts';
import { advanceClock, clockOffsetMs } from '../clock.ts';
import { comesFromSite } from '../http/cross-site.ts';

/** What one run of the scheduled deadline jobs did. */
export interface DeadlineJobsRun {
  closed: number;
  reminded: number;
}

export type TestControls = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/** Where the local server serves the test controls, and only them. */
export const testControlsPrefix = '/__test__/';

const DAY_MS = 24 * 60 * 60 * 1000;
/** One move passes any deadline the product knows (they lie weeks or months ahead). */
export const maxClockStepMs = 400 * DAY_MS;
/** In all the clock stays within ten years of today, so every date the domain derives from it stays valid. */
export const maxClockAheadMs = 10 * 365 * DAY_MS;

const moveClock = z.object({ advanceMs: z.number().int().min(0).max(maxClockStepMs) }).strict();

/**
 * Controls for end-to-end tests of the local stack, which a test run must ask for with
 * `CROSSOVER_TEST_CONTROLS=1`; otherwise none (the server then answers 404).
 * `POST /__test__/clock` `{ "advanceMs": n }` moves the domain's clock n ms forward and runs the
 * deadline jobs once at the new time, so a test can pass a bid deadline without waiting for it.
 * Like the API's writes it takes JSON from the site's own origin only, so no other page a tester
 * has open can move the clock; every refusal is problem+json.
 */
export function testControlsFor(environment: NodeJS.ProcessEnv, runDeadlineJobs: () => Promise<DeadlineJobsRun>): TestControls | undefined {
  if (environment.CROSSOVER_TEST_CONTROLS !== '1') return undefined;
  return async (request, response) => {
    if (request.url !== `${testControlsPrefix}clock` || request.method !== 'POST') return refuse(response, 404, 'Not Found', 'No such test control');
    if (!comesFromSite(request.headers.origin)) return refuse(response, 403, 'Forbidden', 'The clock moves only for requests from the Crossover site itself (the Origin header).');
    if (!isJson(request.headers['content-type'])) return refuse(response, 415, 'Unsupported Media Type', 'Send application/json.');
    const parsed = moveClock.safeParse(await jsonBody(request));
    if (!parsed.success) {
      return refuse(response, 422, 'Unprocessable Content', `Send { "advanceMs": a whole number of milliseconds from 0 to ${maxClockStepMs} (400 days) }`);
    }
    if (clockOffsetMs() + parsed.data.advanceMs > maxClockAheadMs) {
      return refuse(response, 422, 'Unprocessable Content', `The clock may run at most ${maxClockAheadMs} ms (ten years) ahead; restart the stack to reset it.`);
    }
    const now = advanceClock(parsed.data.advanceMs);
    const { closed, reminded } = await runDeadlineJobs();
    answer(response, 200, 'application/json; charset=utf-8', { now: now.toISOString(), closed, reminded });
  };
}

function isJson(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
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

function refuse(response: ServerResponse, status: number, title: string, detail: string): void {
  const problem: Problem = { type: 'about:blank', title, status, detail };
  answer(response, status, PROBLEM_CONTENT_TYPE, problem);
}

function answer(response: ServerResponse, status: number, contentType: string, body: unknown): void {
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}
