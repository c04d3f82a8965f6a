import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser } from 'playwright-core';
import { signalGroup, withNodeLifeline } from '#functions/local/child-service.ts';
import { findFreePorts } from '#functions/local/tcp-ports.ts';
import { launchChromium } from './browser.ts';

const root = resolve(import.meta.dirname, '../..');

export interface LocalStack {
  /** The site and API, as `npm start` serves them. */
  url: string;
  /** The SES stand-in: its web inbox, and its store at `/store`. */
  sesUrl: string;
  dynamoDbEndpoint: string;
  /** Stops it as Ctrl-C would, and waits until start.ts, which stops its children first, has exited. */
  stop(): Promise<void>;
  /** start.ts's process id, which also names its process group. */
  pid: number;
  output(): string;
}

export interface LocalStackOptions {
  /** Serve the test controls (`POST /__test__/clock` moves the clock and runs the deadline jobs); off by default, as in `npm start`. */
  testControls?: boolean;
  /** How long to wait for the API to answer before giving up (and stopping what started); below the calling hook's or test's timeout. */
  startTimeoutMs?: number;
}

/**
 * Runs `npm start`'s own script (functions/local/start.ts) on free ports with its data in
 * `dataDirectory`, and waits until the API answers. Needs a built site (web/build).
 */
export async function startLocalStack(dataDirectory: string, { testControls = false, startTimeoutMs = 100_000 }: LocalStackOptions = {}): Promise<LocalStack> {
  const [http = 0, dynamodb = 0, ses = 0] = await findFreePorts(3);
  let output = '';
  const { CROSSOVER_TEST_CONTROLS: _inherited, ...environment } = process.env;
  // Node itself runs start.ts (the tsx CLI would SIGKILL it 30 ms after a SIGTERM, before its
  // cleanup), in a group of its own, and it stops as soon as this process is gone.
  const child: ChildProcess = spawn(process.execPath, withNodeLifeline(['functions/local/start.ts']), {
    cwd: root,
    detached: true,
    env: {
      ...environment,
      PORT: String(http),
      DYNAMODB_PORT: String(dynamodb),
      SES_PORT: String(ses),
      CROSSOVER_DATA_DIR: dataDirectory,
      ...(testControls && { CROSSOVER_TEST_CONTROLS: '1' }),
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin?.on('error', () => undefined);
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) signalGroup(child, 'SIGTERM');
    await exited;
    running.delete(stop);
  };
  running.add(stop);

  const url = `http://localhost:${http}`;
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      running.delete(stop);
      throw new Error(`The local stack stopped while starting:\n${output}`);
    }
    const healthy = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The local stack did not answer within ${startTimeoutMs / 1000} s:\n${output}`);
    }
    await sleep(250);
  }

  return {
    url,
    sesUrl: `http://localhost:${ses}`,
    dynamoDbEndpoint: `http://localhost:${dynamodb}`,
    pid: child.pid ?? 0,
    output: () => output,
    stop,
  };
}

/** Every stack this file started and has not stopped, those still starting included. */
const running = new Set<() => Promise<void>>();

/** Stops every stack of this test file, also one whose start a timed-out test left under way. */
export async function stopEveryLocalStack(): Promise<void> {
  await Promise.all([...running].map((stop) => stop()));
}

/** The local stack and Chromium, started together; if either fails, the other is stopped before the failure is thrown. */
export async function startStackAndBrowser(dataDirectory: string, options: LocalStackOptions = {}): Promise<{ stack: LocalStack; browser: Browser }> {
  const [stack, browser] = await Promise.allSettled([startLocalStack(dataDirectory, options), launchChromium()]);
  if (stack.status === 'fulfilled' && browser.status === 'fulfilled') return { stack: stack.value, browser: browser.value };
  await Promise.all([stack.status === 'fulfilled' && stack.value.stop(), browser.status === 'fulfilled' && browser.value.close()]);
  throw stack.status === 'rejected' ? stack.reason : (browser as PromiseRejectedResult).reason;
}
