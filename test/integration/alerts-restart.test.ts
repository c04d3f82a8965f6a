import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { withNodeLifeline } from '#functions/local/child-service.ts';
import { wiring } from '#functions/wiring.ts';
import { uniqueEmail } from '../helpers/api.ts';
import { everything, writeSubscribers } from '../helpers/alerts.ts';
import { publishedChallenge, useMarketplace } from '../helpers/challenges.ts';
import { createInbox, recipients } from '../helpers/inbox.ts';
import { testDocumentClient } from '../helpers/stored-items.ts';

const world = useMarketplace();
const inbox = createInbox();
const checkpointFile = join(mkdtempSync(join(tmpdir(), 'crossover-alerts-restart-')), 'stream.json');

/** The dispatcher as a process of its own, sending 40 emails a second, reading the stream from the shared checkpoint. */
const startDispatcher = (): ChildProcess =>
  spawn(process.execPath, withNodeLifeline(['test/helpers/dispatcher-process.ts']), {
    env: { ...process.env, SES_MAX_SEND_RATE: '40', CHECKPOINT_FILE: checkpointFile },
    stdio: ['pipe', 'ignore', 'inherit'],
  });

async function stop(dispatcher: ChildProcess) {
  const exited = once(dispatcher, 'exit');
  dispatcher.kill('SIGTERM');
  await exited;
}

async function until(what: string, condition: () => Promise<boolean>, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Gave up waiting until ${what}`);
    await sleep(200);
  }
}

describe('Alert fan-out across a stop and a start', { timeout: 180_000 }, () => {
  it('delivers every alert exactly once when the dispatcher is stopped in the middle of a fan-out and started again', async () => {
    const people = Array.from({ length: 300 }, (_, n) => ({ userId: ulid(), email: uniqueEmail(`restart-${n}`), preferences: everything }));
    await writeSubscribers(testDocumentClient(), wiring().config.TABLE_NAME, people);
    const challenge = await publishedChallenge(world, { title: `Stopped midway ${ulid()}` });
    const alerts = async () => (await inbox.all()).filter((email) => email.subject === `New challenge: “${challenge.title}”`);

    const first = startDispatcher();
    await until('some alerts went out', async () => (await alerts()).length >= 40);
    await stop(first);
    const beforeRestart = (await alerts()).length;
    expect(beforeRestart).toBeLessThan(300);

    const second = startDispatcher();
    const run = () => wiring().alertRuns.run(`challenge-${challenge.id}`);
    await until('the run is sent', async () => {
      const now = await run();
      return now?.status === 'matched' && now.sent === now.matched;
    });
    await stop(second);

    const received = (await alerts()).flatMap(recipients);
    expect(received.filter((address, n) => received.indexOf(address) !== n)).toEqual([]);
    expect(received.sort()).toEqual(people.map(({ email }) => email.toLowerCase()).sort());
    expect(await run()).toMatchObject({ matched: 300, sent: 300, failed: 0 });
  });
});
