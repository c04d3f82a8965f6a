import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { acceptsConnections, childrenOf, nonLoopbackAddress, survivorsOf, waitUntilGone } from '../../helpers/processes.ts';
import { withNodeLifeline } from '#functions/local/child-service.ts';
import { startLocalServices } from '#functions/local/local-services.ts';
import { findFreePorts } from '#functions/local/tcp-ports.ts';

const inMemory = async () => {
  const [dynamodb = 0, ses = 0] = await findFreePorts(2);
  return { dynamodb: { port: dynamodb, storage: 'memory' as const }, ses: { port: ses } };
};

describe('Local services: startLocalServices', () => {
  const address = nonLoopbackAddress();

  it.skipIf(!address)('listens on 127.0.0.1 only: neither DynamoDB Local nor the SES stand-in takes a connection on the machine’s own network address', async () => {
    const options = await inMemory();
    const services = await startLocalServices(options);
    try {
      expect(await acceptsConnections('127.0.0.1', options.dynamodb.port)).toBe(true);
      expect(await acceptsConnections('127.0.0.1', options.ses.port)).toBe(true);
      expect(await acceptsConnections(address ?? '', options.dynamodb.port)).toBe(false);
      expect(await acceptsConnections(address ?? '', options.ses.port)).toBe(false);
    } finally {
      await services.stop();
    }
  });

  it('once stopped, leaves none of its processes running, by process id or process group', async () => {
    const services = await startLocalServices(await inMemory());
    const pids = [services.dynamodb.service.process.pid, services.ses.service.process.pid].map(Number);
    expect(survivorsOf(pids)).toEqual(expect.arrayContaining(pids));

    await services.stop();

    expect(survivorsOf(pids)).toEqual([]);
  });

  it('stops DynamoDB Local again when the SES stand-in cannot start (its port taken), so the failed start leaves nothing behind', async () => {
    const options = await inMemory();
    const squatter = createServer().listen(options.ses.port, '127.0.0.1');
    await once(squatter, 'listening');
    const before = new Set(childrenOf(process.pid));
    const started: number[] = [];
    try {
      const starting = startLocalServices(options);
      // Note every process the start makes while it runs, to look for each of them afterwards.
      let settled = false;
      const watching = (async () => {
        while (!settled) {
          for (const pid of childrenOf(process.pid)) if (!before.has(pid) && !started.includes(pid)) started.push(pid);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();
      await expect(starting.finally(() => (settled = true))).rejects.toThrow(/SES local exited/);
      await watching;
    } finally {
      squatter.close();
    }

    expect(started.length).toBeGreaterThanOrEqual(1);
    expect(survivorsOf(started)).toEqual([]);
  });

  it('ends DynamoDB Local and the SES stand-in when the process that started them is killed with SIGKILL', async () => {
    const script = `
      import { startLocalServices } from ${JSON.stringify(new URL('../../../functions/local/local-services.ts', import.meta.url).href)};
      const services = await startLocalServices(${JSON.stringify(await inMemory())});
      console.log(JSON.stringify([services.dynamodb.service.process.pid, services.ses.service.process.pid]));
      setInterval(() => undefined, 60_000);`;
    const parent = spawn(process.execPath, withNodeLifeline(['--input-type=module', '--eval', script]), { stdio: ['pipe', 'pipe', 'inherit'] });
    const [line] = (await once(parent.stdout, 'data')) as [Buffer];
    const pids = JSON.parse(line.toString()) as number[];
    expect(survivorsOf(pids)).toEqual(expect.arrayContaining(pids));

    parent.kill('SIGKILL');
    await once(parent, 'exit');

    expect(await waitUntilGone(pids)).toEqual([]);
  });
});
