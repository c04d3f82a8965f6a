import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findFreePorts } from '#functions/local/ports.ts';

const root = resolve(import.meta.dirname, '../..');

export interface LocalStack {
  /** The site and API, as `npm start` serves them. */
  url: string;
  /** The SES stand-in: its web inbox, and its store at `/store`. */
  sesUrl: string;
  dynamoDbEndpoint: string;
  /** Stops it as Ctrl-C would, and waits until every child is gone. */
  stop(): Promise<void>;
  output(): string;
}

export interface LocalStackOptions {
  /** Serve the test controls (`POST /__test__/clock` moves the clock and runs the deadline jobs); off by default, as in `npm start`. */
  testControls?: boolean;
}

/**
 * Runs `npm start`'s own script (functions/local/start.ts) on free ports with its data in
 * `dataDirectory`, and waits until the API answers. Needs a built site (web/build).
 */
export async function startLocalStack(dataDirectory: string, { testControls = false }: LocalStackOptions = {}): Promise<LocalStack> {
  const [http = 0, dynamodb = 0, ses = 0] = await findFreePorts(3);
  let output = '';
  const { CROSSOVER_TEST_CONTROLS: _inherited, ...environment } = process.env;
  const child: ChildProcess = spawn(process.execPath, [resolve(root, 'node_modules/tsx/dist/cli.mjs'), 'functions/local/start.ts'], {
    cwd: root,
    env: {
      ...environment,
      PORT: String(http),
      DYNAMODB_PORT: String(dynamodb),
      SES_PORT: String(ses),
      CROSSOVER_DATA_DIR: dataDirectory,
      ...(testControls && { CROSSOVER_TEST_CONTROLS: '1' }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));

  const url = `http://localhost:${http}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The local stack stopped while starting:\n${output}`);
    const healthy = await fetch(`${url}/api/health`).then((response) => response.ok, () => false);
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The local stack did not answer within 120 s:\n${output}`);
    }
    await sleep(250);
  }

  return {
    url,
    sesUrl: `http://localhost:${ses}`,
    dynamoDbEndpoint: `http://localhost:${dynamodb}`,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
