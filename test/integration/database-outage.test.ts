import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '#functions/http/routes.ts';
import { startDynamoDbLocal, type DynamoDbLocal } from '#functions/local/dynamodb-local.ts';
import { findFreePorts } from '#functions/local/tcp-ports.ts';
import { signedInAs, startTestApi, uniqueEmail, type TestApi } from '../helpers/api.ts';
import { createTestTable } from '../helpers/table.ts';

/** Each route's path with every parameter filled in, as a client would call it. */
const concretePath = (path: string) => path.replace(/\{[^}]+\}/g, () => ulid());

describe('Faults: DynamoDB unreachable under a running API', () => {
  // A DynamoDB Local of this file's own, kept on disk, so stopping it troubles no other test file and a restart keeps the data.
  const dataDirectory = mkdtempSync(join(tmpdir(), 'crossover-outage-'));
  let port: number;
  let dynamodb: DynamoDbLocal | undefined;
  let api: TestApi;
  let cookie: string;
  const startDatabase = async () => (dynamodb = await startDynamoDbLocal({ port, storage: { directory: dataDirectory } }));

  beforeAll(async () => {
    [port = 0] = await findFreePorts(1);
    await startDatabase();
    await createTestTable({ dynamoDbEndpoint: `http://127.0.0.1:${port}` });
    api = await startTestApi();
    ({ cookie } = await signedInAs(uniqueEmail('outage')));
    expect((await api.call('GET', '/api/me', { cookie })).status).toBe(200);
  });

  afterAll(async () => {
    await api?.stop();
    await dynamodb?.service.stop();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  it('answers every route with a problem+json 503 and Retry-After while the database is down (never a 500 or a hang), and recovers by itself once it is back', async () => {
    await dynamodb?.service.stop();

    const answers: { route: string; status: number; retryAfter: string | null; type: string | null; ms: number }[] = [];
    for (const route of routes) {
      const startedAt = performance.now();
      const answer = await api.call(route.method, concretePath(route.path), { cookie, ...(route.method === 'GET' ? {} : { body: {} }) });
      answers.push({
        route: `${route.method} ${route.path}`,
        status: answer.status,
        retryAfter: answer.headers.get('retry-after'),
        type: answer.headers.get('content-type'),
        ms: Math.round(performance.now() - startedAt),
      });
    }
    // Measured, not asserted (the machine is noisy): how long a client waits for its 503.
    console.info(`503 answer times with DynamoDB down: max ${Math.max(...answers.map((a) => a.ms))} ms over ${answers.length} routes`);

    expect(answers.filter((answer) => answer.status !== 503 || !answer.retryAfter || answer.type !== 'application/problem+json')).toEqual([]);

    await startDatabase();

    expect((await api.call('GET', '/api/challenges', { cookie })).status).toBe(200);
    expect((await api.call('GET', '/api/me', { cookie })).status).toBe(200);
  }, 180_000);

  it('answers 503 with Retry-After, within the SDK’s bounded retries, when the database takes connections but never answers', async () => {
    const silent: Socket[] = [];
    const blackHole: Server = createServer((socket) => void silent.push(socket));
    await dynamodb?.service.stop();
    await new Promise<void>((listening) => blackHole.listen(port, '127.0.0.1', listening));
    try {
      const startedAt = performance.now();
      const answer = await api.call('GET', '/api/challenges', { cookie });
      console.info(`503 answer time with DynamoDB silent: ${Math.round(performance.now() - startedAt)} ms`);

      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(answer.body).toMatchObject({ title: 'Service Unavailable', status: 503 });
    } finally {
      silent.forEach((socket) => socket.destroy());
      await new Promise((closed) => blackHole.close(closed));
      await startDatabase();
    }
  }, 120_000);
});
