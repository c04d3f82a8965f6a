import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startLocalStack, stopEveryLocalStack } from '../helpers/local-stack.ts';
import { acceptsConnections, childrenOf, nonLoopbackAddress, survivorsOf, waitUntilGone } from '../helpers/processes.ts';

describe('End to end: npm start leaves no process behind', () => {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'crossover-processes-'));

  afterAll(async () => {
    await stopEveryLocalStack();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  it('listens on loopback only, and once stopped as Ctrl-C would, none of the processes it started (DynamoDB Local, the SES stand-in) runs, by process id or process group', async () => {
    const stack = await startLocalStack(dataDirectory);
    const started = childrenOf(stack.pid);
    expect(started.length).toBeGreaterThanOrEqual(2);
    // While it runs, the site and API, the table and the inbox answer on loopback only.
    const address = nonLoopbackAddress();
    for (const url of [stack.url, stack.dynamoDbEndpoint, stack.sesUrl]) {
      const port = Number(new URL(url).port);
      expect(await acceptsConnections('127.0.0.1', port)).toBe(true);
      if (address) expect(await acceptsConnections(address, port), `${url} on ${address}`).toBe(false);
    }

    await stack.stop();

    expect(survivorsOf([stack.pid, ...started])).toEqual([]);
  }, 150_000);

  it('when its own process is killed with SIGKILL (no cleanup can run), DynamoDB Local and the SES stand-in end with it', async () => {
    const stack = await startLocalStack(dataDirectory);
    const started = childrenOf(stack.pid);
    expect(started.length).toBeGreaterThanOrEqual(2);

    process.kill(stack.pid, 'SIGKILL');

    expect(await waitUntilGone(started)).toEqual([]);
  }, 150_000);
});
