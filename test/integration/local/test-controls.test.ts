import type { AddressInfo } from 'node:net';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { ulid } from 'ulid';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { storedChallenge } from '../../helpers/challenges.ts';
import { createTestTable, testSiteUrl } from '../../helpers/table.ts';
import { clockOffsetMs } from '#functions/clock.ts';
import { handler as runDeadlineJobs } from '#functions/events/close-challenges.ts';
import { wiring } from '#functions/wiring.ts';
import { createApiGateway } from '#functions/local/api-adapter.ts';
import { createLambdaContext } from '#functions/local/lambda-context.ts';
import { every, type LocalSchedule } from '#functions/local/scheduler.ts';
import { createLocalServer } from '#functions/local/server.ts';
import { maxClockAheadMs, maxClockStepMs, testControlsFor, type DeadlineJobsRun } from '#functions/local/test-controls.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** The site answers every path with a page, as the single-page app's fallback does. */
const site = async (_request: IncomingMessage, response: ServerResponse) => {
  response.writeHead(200, { 'content-type': 'text/html' });
  response.end('<!doctype html><title>Crossover</title>');
};
const api = async (_request: IncomingMessage, response: ServerResponse) => {
  response.writeHead(404).end();
};

async function listening(server: Server): Promise<string> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A published challenge whose bid deadline is `inMs` from the domain's now. */
function publishedClosingIn(inMs: number) {
  const deadline = wiring().challengePorts.now().getTime() + inMs;
  return storedChallenge(ulid(), 'published', {
    questionDeadline: new Date(deadline - HOUR).toISOString(),
    bidDeadline: new Date(deadline).toISOString(),
  });
}

const statusOf = async (challengeId: string) => (await wiring().challengePorts.challenges.challenge(challengeId))?.status;

describe('Local server: the test controls', () => {
  let jobs: LocalSchedule<DeadlineJobsRun>;
  const servers: Server[] = [];
  let withControls: string;
  let withoutControls: string;
  let withApi: string;

  beforeAll(async () => {
    await createTestTable();
    // Wired as functions/local/start.ts wires them: the scheduled handler, on the local schedule.
    jobs = every(
      60 * 60_000,
      () => runDeadlineJobs({}, createLambdaContext('crossover-close-challenges', 60_000)),
      (error) => {
        throw error;
      },
    );
    // The schedule's first run starts at once; let it finish so it cannot race the tests.
    await jobs.runNow();
    const controls = testControlsFor({ CROSSOVER_TEST_CONTROLS: '1' }, () => jobs.runNow());
    const noControls = testControlsFor({}, () => jobs.runNow());
    servers.push(
      createLocalServer({ api, site, testControls: controls }),
      createLocalServer({ api, site, testControls: noControls }),
      // As npm start serves them: the API (the very handlers Lambda runs) beside the controls.
      createLocalServer({ api: createApiGateway(), site, testControls: controls }),
    );
    [withControls, withoutControls, withApi] = (await Promise.all(servers.map(listening))) as [string, string, string];
  });

  afterAll(async () => {
    for (const server of servers) server.close();
    await jobs?.stop();
  });

  const moveClock = (base: string, body: unknown, method = 'POST', headers: Record<string, string> = {}) =>
    fetch(`${base}/__test__/clock`, {
      method,
      headers: { 'content-type': 'application/json', origin: testSiteUrl, ...headers },
      body: method === 'POST' ? JSON.stringify(body) : undefined,
    });

  it('exist only when the run asks for them with CROSSOVER_TEST_CONTROLS=1', () => {
    const run = async () => ({ closed: 0, reminded: 0 });

    expect(testControlsFor({}, run)).toBeUndefined();
    expect(testControlsFor({ CROSSOVER_TEST_CONTROLS: 'true' }, run)).toBeUndefined();
    expect(testControlsFor({ CROSSOVER_TEST_CONTROLS: '1' }, run)).toBeTypeOf('function');
  });

  it('without them, /__test__/clock is a plain 404 (not the site) and neither moves the clock nor closes anything', async () => {
    const challenge = await publishedClosingIn(2 * DAY);
    const aheadBefore = clockOffsetMs();

    const posted = await moveClock(withoutControls, { advanceMs: 3 * DAY });
    const got = await moveClock(withoutControls, undefined, 'GET');

    expect(posted.status).toBe(404);
    expect(await posted.text()).toBe('Not Found');
    expect(got.status).toBe(404);
    expect(clockOffsetMs()).toBe(aheadBefore);
    expect(await statusOf(challenge.challengeId)).toBe('published');
  });

  it('POST /__test__/clock moves the ports’ now forward and closes a challenge its new now has passed', async () => {
    const due = await publishedClosingIn(2 * DAY);
    const later = await publishedClosingIn(30 * DAY);
    const aheadBefore = clockOffsetMs();

    const response = await moveClock(withControls, { advanceMs: 3 * DAY });
    const answer = (await response.json()) as { now: string; closed: number; reminded: number };

    expect(response.status).toBe(200);
    expect(answer).toEqual({ now: expect.any(String), closed: expect.any(Number), reminded: 0 });
    // Any challenge an earlier test left closing within three days closes with it.
    expect(answer.closed).toBeGreaterThanOrEqual(1);
    expect(clockOffsetMs()).toBe(aheadBefore + 3 * DAY);
    expect(await statusOf(due.challengeId)).toBe('closed');
    expect(await statusOf(later.challengeId)).toBe('published');
  });

  describe('with the system time held still', () => {
    // Only Date is faked: the servers, the SDK and the deadline jobs keep their real timers.
    const systemNow = new Date('2025-06-02T10:00:00.000Z');
    beforeEach(() => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(systemNow);
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    it('POST /__test__/clock answers the new now: the system time plus every move so far', async () => {
      const aheadBefore = clockOffsetMs();

      const response = await moveClock(withControls, { advanceMs: DAY });
      const answer = (await response.json()) as { now: string };

      expect(response.status).toBe(200);
      expect(answer.now).toBe(new Date(systemNow.getTime() + aheadBefore + DAY).toISOString());
    });

    it('POST /__test__/clock moves the now of every domain’s ports alike', async () => {
      const aheadBefore = clockOffsetMs();

      await moveClock(withControls, { advanceMs: DAY });

      const { challengePorts, bidPorts, evaluationPorts, organisationPorts } = wiring();
      const nows = [challengePorts, bidPorts, evaluationPorts, organisationPorts].map((ports) => ports.now().toISOString());
      expect(nows).toEqual(Array(4).fill(new Date(systemNow.getTime() + aheadBefore + DAY).toISOString()));
    });
  });

  it('runs the draft reminders at the new time too', async () => {
    const challenge = await publishedClosingIn(5 * DAY);

    const response = await moveClock(withControls, { advanceMs: 4 * DAY });

    expect(await response.json()).toMatchObject({ closed: 0, reminded: 1 });
    expect((await wiring().challengePorts.challenges.challenge(challenge.challengeId))?.bidReminderSentAt).toBeDefined();
    expect(await statusOf(challenge.challengeId)).toBe('published');
  });

  it.each([
    [{ advanceMs: -1 }],
    [{ advanceMs: 1.5 }],
    [{ advanceMs: '1000' }],
    [{}],
    [{ advanceMs: 1, extra: true }],
    [{ advanceMs: maxClockStepMs + 1 }],
    [{ advanceMs: 8.64e15 }],
  ])('refuses %j with a problem+json 422 and leaves the clock', async (body) => {
    const aheadBefore = clockOffsetMs();

    const response = await moveClock(withControls, body);

    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 422, title: 'Unprocessable Content' });
    expect(clockOffsetMs()).toBe(aheadBefore);
  });

  it.each([
    ['another site’s Origin', { origin: 'https://attacker.example' }, 403],
    ['no Origin', { origin: '' }, 403],
    ['text/plain', { 'content-type': 'text/plain' }, 415],
    ['a form', { 'content-type': 'application/x-www-form-urlencoded' }, 415],
  ])('refuses a request with %s (problem+json %i) and leaves the clock', async (_what, headers, status) => {
    const aheadBefore = clockOffsetMs();

    const response = await moveClock(withControls, { advanceMs: DAY }, 'POST', headers);

    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ type: 'about:blank', status });
    expect(clockOffsetMs()).toBe(aheadBefore);
  });

  it('after the largest move allowed, GET /api/challenges still answers 200', async () => {
    const moved = await moveClock(withApi, { advanceMs: maxClockStepMs });
    const challenges = await fetch(`${withApi}/api/challenges`);

    expect(moved.status).toBe(200);
    expect(challenges.status).toBe(200);
  });

  it('keeps the clock within ten years ahead in all, refusing the move that would pass that with a problem+json 422', async () => {
    while (clockOffsetMs() + maxClockStepMs <= maxClockAheadMs) expect((await moveClock(withControls, { advanceMs: maxClockStepMs })).status).toBe(200);
    const aheadBefore = clockOffsetMs();

    const refused = await moveClock(withControls, { advanceMs: maxClockStepMs });

    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(clockOffsetMs()).toBe(aheadBefore);
    expect((await fetch(`${withApi}/api/challenges`)).status).toBe(200);
  });

  it('answers 404 to any other test path or method', async () => {
    expect((await moveClock(withControls, undefined, 'GET')).status).toBe(404);
    expect((await fetch(`${withControls}/__test__/other`, { method: 'POST' })).status).toBe(404);
  });
});
