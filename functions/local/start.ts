import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { migrate } from '../data/migrations/index.ts';
import { createApiGateway } from './api-adapter.ts';
import { runCommand, startChildService, withNodeLifeline, type ChildService } from './child-service.ts';
import { createTableIfMissing } from './create-table.ts';
import { assertJavaInstalled } from './dynamodb-local.ts';
import { startLocalServices } from './local-services.ts';
import { localDataDirectory as dataDirectory, localTableName as tableName } from './local-table.ts';
import { localClientConfig, localEnvironment, quietSdkEnvironment } from './local-aws.ts';
import { localLog } from './log.ts';
import { isPortFree } from './tcp-ports.ts';
import { createLocalServer } from './server.ts';
import { createLambdaContext } from './lambda-context.ts';
import { createStaticSite } from './static-site.ts';
import { every, type LocalSchedule } from './scheduler.ts';
import { testControlsFor, type DeadlineJobsRun } from './test-controls.ts';
import { createStreamPoller, type StreamPoller } from './stream-poller.ts';

/**
 * `npm start`: the whole product on this machine, with the very handlers Lambda runs.
 * 1. check Java and the ports  2. start DynamoDB Local and the SES stand-in  3. point the
 * functions' environment at them  4. create the table  5. build the site if needed (or, with
 * `--dev`, run its dev server)  6. feed the outbox to the dispatcher  7. serve site and API on one port.
 */

const log = localLog('start');
const root = resolve(import.meta.dirname, '../..');

const dev = process.argv.includes('--dev');
const ports = {
  http: { port: Number(process.env.PORT ?? 3000), what: 'the site and API', change: 'PORT=3001 npm start' },
  dynamodb: { port: Number(process.env.DYNAMODB_PORT ?? 8000), what: 'DynamoDB Local', change: 'DYNAMODB_PORT=8001 npm start' },
  ses: { port: Number(process.env.SES_PORT ?? 8005), what: 'the SES stand-in and its inbox', change: 'SES_PORT=8015 npm start' },
  ...(dev ? { vite: { port: 5173, what: "the site's dev server", change: undefined } } : {}),
};
const siteUrl = dev ? `http://localhost:${ports.vite?.port}` : `http://localhost:${ports.http.port}`;

const children: ChildService[] = [];
let poller: StreamPoller | undefined;
let deadlineJobs: LocalSchedule<DeadlineJobsRun> | undefined;
let weeklyDigest: LocalSchedule<unknown> | undefined;
let server: Server | undefined;
let stopping = false;

async function start(): Promise<void> {
  const startedAt = performance.now();
  const unknownArguments = process.argv.slice(2).filter((argument) => argument !== '--dev');
  if (unknownArguments.length > 0) throw new Error(`Unknown argument(s): ${unknownArguments.join(' ')} (only --dev is known)`);

  assertJavaInstalled();
  Object.assign(process.env, quietSdkEnvironment);
  for (const { port, what, change } of Object.values(ports)) {
    if (!(await isPortFree(port))) {
      throw new Error(`Port ${port}, for ${what}, is in use. Stop whatever holds it (is \`npm start\` already running?)` + (change ? ` or choose another: \`${change}\`.` : '.'));
    }
  }

  log.info('Starting DynamoDB Local and the SES stand-in…');
  const { dynamodb, ses } = await startLocalServices({
    dynamodb: { port: ports.dynamodb.port, storage: { directory: join(dataDirectory, 'dynamodb') } },
    ses: { port: ports.ses.port },
  });
  own(dynamodb.service);
  own(ses.service);
  log.info(`DynamoDB Local and the SES stand-in answer (${seconds(startedAt)})`);

  // Before any handler is imported: they read their configuration once, at first use.
  Object.assign(process.env, localEnvironment({ tableName, dynamoDbEndpoint: dynamodb.endpoint, sesEndpoint: ses.endpoint }), {
    SITE_URL: siteUrl,
    SESSION_KEY: localSessionKey(),
    APP_VERSION: (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version,
  });

  const client = new DynamoDBClient(localClientConfig(dynamodb.endpoint));
  const created = await createTableIfMissing(client, tableName);
  log.info(created ? `Created table ${tableName}` : `Table ${tableName} is there (data kept in .data/dynamodb)`);
  // Data kept from an earlier version gets what this one reads (npm run migrate does the same in AWS).
  for (const { name, written } of await migrate(DynamoDBDocumentClient.from(client), tableName)) log.info(`Migrated the table: ${name} (${written} items written)`);
  client.destroy();
  // Imported only now that the environment points at the local parts, as the functions expect.
  const { wiring } = await import('../wiring.ts');
  const { seedDemoData } = await import('./seed/seed.ts');
  if (await seedDemoData(wiring())) log.info('Added the demo organisations (see README: signing in as them)');

  const site = dev ? await startSiteDevServer() : await builtSite();

  const { handler: dispatchOutbox } = await import('../events/outbox-dispatcher.ts');
  poller = createStreamPoller({
    dynamoDbEndpoint: dynamodb.endpoint,
    tableName,
    handler: dispatchOutbox,
    checkpointFile: join(dataDirectory, 'outbox-stream-checkpoint.json'),
  });
  poller.start();

  // Closes challenges whose bid deadline passed and reminds firms with drafts, as the EventBridge rule does in AWS.
  const { handler: runDeadlineJobs } = await import('../events/close-challenges.ts');
  const jobs = every(
    60_000,
    () => runDeadlineJobs({}, createLambdaContext('crossover-close-challenges', 60_000)),
    (error) => log.error(`The deadline jobs failed: ${String(error)}`),
  );
  deadlineJobs = jobs;
  // Starts last week's digest once a week, as EventBridge Scheduler does on Monday mornings in AWS (a second start in a week starts nothing).
  const { handler: startDigest } = await import('../events/weekly-digest.ts');
  weeklyDigest = every(
    60 * 60_000,
    () => startDigest({}, createLambdaContext('crossover-weekly-digest', 60_000)),
    (error) => log.error(`The weekly digest failed: ${String(error)}`),
  );

  const testControls = testControlsFor(process.env, () => jobs.runNow());
  if (testControls) log.info('Test controls are on (CROSSOVER_TEST_CONTROLS=1): POST /__test__/clock moves the clock');
  server = createLocalServer({ api: createApiGateway(), site, testControls });
  await new Promise<void>((resolveListen, rejectListen) => {
    server?.once('error', rejectListen);
    server?.listen(ports.http.port, '127.0.0.1', resolveListen);
  });

  const api = `http://localhost:${ports.http.port}/api`;
  log.info(`Crossover is running (ready in ${seconds(startedAt)}):`);
  for (const [label, url] of [
    ['site', siteUrl],
    ['API health', `${api}/health`],
    ['API reference', `${api}/docs`],
    ['inbox (sent email)', `http://localhost:${ports.ses.port}`],
    ['DynamoDB Local', `${dynamodb.endpoint} (table ${tableName})`],
  ] as const) {
    log.info(`  ${label.padEnd(19)} ${url}`);
  }
  log.info('Ctrl-C stops everything.');
}

/** Generated once and kept under .data/, so sessions survive a restart (AWS keeps it in Secrets Manager). */
function localSessionKey(): string {
  const file = join(dataDirectory, 'session-key');
  if (!existsSync(file)) {
    mkdirSync(dataDirectory, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

/** Keeps a started child so that shutdown stops it; its dying on its own ends the stack. */
function own(service: ChildService): void {
  children.push(service);
  void service.exited.then(() => {
    if (stopping) return;
    log.error(`${service.name} stopped unexpectedly; stopping the rest.`);
    void shutdown(1);
  });
}

async function builtSite() {
  const build = join(root, 'web/build');
  if (!existsSync(join(build, 'index.html'))) {
    log.info('web/build is missing: building the site (npm run build:web)…');
    await runCommand('npm', ['run', 'build:web'], root);
  }
  return createStaticSite(build);
}

/** `--dev`: Vite serves the site with hot reload (and proxies /api here); this port answers the API only. */
async function startSiteDevServer() {
  const port = ports.vite?.port ?? 5173;
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin/vite.js');
  own(
    await startChildService({
      name: 'Vite',
      command: process.execPath,
      args: withNodeLifeline([vite, 'dev', '--port', String(port), '--strictPort']),
      cwd: join(root, 'web'),
      echoAs: 'vite',
      isReady: async () => (await fetch(`http://localhost:${port}/`)).status < 500,
      startTimeoutMs: 60_000,
    }),
  );
  return async (request: IncomingMessage, response: ServerResponse) => {
    response.writeHead(302, { location: `${siteUrl}${request.url ?? '/'}` });
    response.end();
  };
}

async function shutdown(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  if (children.length > 0) log.info('Stopping…');
  await deadlineJobs?.stop();
  await weeklyDigest?.stop();
  await poller?.stop();
  server?.close();
  server?.closeAllConnections();
  await Promise.all(children.map((child) => child.stop()));
  process.exit(exitCode);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => void shutdown(0));
// Last resort if this process dies some other way: no java left behind.
process.once('exit', () => children.forEach((child) => child.killNow()));

start().catch((error: unknown) => {
  log.error(error instanceof Error ? error.message : String(error));
  void shutdown(1);
});
