import { fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { parseConfig } from '#functions/config.ts';
import type { ChildService } from '#functions/local/child-service.ts';
import { withNodeLifeline } from '#functions/local/child-service.ts';
import { createTableIfMissing } from '#functions/local/create-table.ts';
import { startDynamoDbLocal } from '#functions/local/dynamodb-local.ts';
import { localClientConfig, localEnvironment } from '#functions/local/local-aws.ts';
import { startSesLocal } from '#functions/local/ses-local.ts';
import { createStreamPoller } from '#functions/local/stream-poller.ts';
import { findFreePorts } from '#functions/local/tcp-ports.ts';
import { createWiring } from '#functions/wiring.ts';
import { challengeTerms, daysFromNow } from '../../test/helpers/challenges.ts';
import { seedingClient } from '../../test/helpers/seeded-items.ts';
import { startDynamoDbMeter } from '../dynamodb-meter.ts';
import type { FanOutCounts, FanOutJob, FanOutMessage } from './fan-out-job.ts';
import { checkAlerts, firstAlertAt, type InboxFigures } from './inbox-check.ts';
import { publishChallenge } from './published-challenge.ts';
import { seedSubscribers, subscriberEmail } from './subscribers.ts';

/** SES's own sending rate is a setting (14 a second by default): set far above the machinery's pace, so the figures are the machinery's. */
export const benchSendRate = 100_000;

export interface CommandCount {
  command: string;
  /** Which client sent it: the table wiring (runs, steps, events, subscribers) or the sent-email idempotency records. */
  source: 'table' | 'sent emails';
  requests: number;
  /** Items the requests read or wrote (a batch or transaction moves many in one request). */
  items: number;
  perRecipient: number;
  itemsPerRecipient: number;
}

export interface AlertFigures {
  recipients: number;
  sesMaxSendRate: number;
  seedSeconds: number;
  /** From the first poll of the stream until the run's sent count reaches its matched count. */
  drainSeconds: number;
  emailsPerSecond: number;
  /** From the first poll until the first alert was in the local SES (to within 25 ms). */
  firstEmailMs: number | null;
  startRssMiB: number;
  peakRssMiB: number;
  startHeapMiB: number;
  peakHeapMiB: number;
  dynamoDb: { requests: number; perRecipient: number; byCommand: CommandCount[] };
  run: { matched: number; sent: number; suppressed: number; failed: number; status: string };
  inbox: InboxFigures;
  /** The machine's load average (1, 5, 15 min) as the run ended. */
  loadAverage: number[];
}

const mib = (bytes: number) => bytes / 1024 / 1024;

/**
 * Issue 13's figures for `recipients` matching subscribers, on a DynamoDB Local and a local SES of their own:
 * 1. DynamoDB Local (in memory) with the table, a verified firm and its subscribers seeded in bulk
 * 2. the stream read past the seeding, so the fan-out process starts at the challenge's approval
 * 3. a challenge submitted and approved through the use cases, which starts its alert run
 * 4. the fan-out and delivery in a process of their own (fan-out-process.ts), timed and metered,
 *    while the local SES is watched for the first alert
 * 5. the local SES checked to hold exactly one alert per subscriber; everything started is stopped.
 */
export async function alertFigures(recipients: number, log: (line: string) => void, track: (service: ChildService) => void): Promise<AlertFigures> {
  const [dynamoDbPort = 0, sesPort = 0] = await findFreePorts(2);
  const dynamodb = await startDynamoDbLocal({ port: dynamoDbPort, storage: 'memory' });
  track(dynamodb.service);
  const ses = await startSesLocal({ port: sesPort });
  track(ses.service);
  const meter = await startDynamoDbMeter(dynamodb.endpoint);
  try {
    const tableName = 'crossover-bench-alerts';
    // This process's SDK clients (seeding, publishing) read their credentials from it too; the fan-out process inherits it.
    Object.assign(process.env, localEnvironment({ tableName, dynamoDbEndpoint: dynamodb.endpoint, sesEndpoint: ses.endpoint }), {
      SES_MAX_SEND_RATE: String(benchSendRate),
      POWERTOOLS_LOG_LEVEL: 'WARN',
    });
    const environment = { ...process.env };
    const client = new DynamoDBClient(localClientConfig(dynamodb.endpoint));
    await createTableIfMissing(client, tableName);
    client.destroy();

    const terms = challengeTerms({
      title: `Bench alert fan-out to ${recipients.toLocaleString('en')}`,
      visibility: 'public',
      questionDeadline: daysFromNow(30),
      bidDeadline: daysFromNow(40),
      expectedStart: daysFromNow(60).slice(0, 10),
    });
    log(`Seeding a verified firm and ${recipients.toLocaleString('en')} subscribers…`);
    const seedStarted = performance.now();
    await seedSubscribers(seedingClient(dynamodb.endpoint), tableName, recipients, terms.disciplines[0]!);
    const seedSeconds = (performance.now() - seedStarted) / 1000;

    // The seeding's stream records are not the fan-out's work: the fan-out process starts after them.
    const checkpointFile = join(mkdtempSync(join(tmpdir(), 'crossover-bench-alerts-')), 'stream.json');
    await createStreamPoller({ dynamoDbEndpoint: dynamodb.endpoint, tableName, handler: async () => undefined, checkpointFile }).drain();
    const { runId } = await publishChallenge(createWiring(parseConfig(environment)), terms);
    log(`Seeded in ${seedSeconds.toFixed(0)} s; challenge approved, fanning out and delivering in a process of its own…`);

    const job: FanOutJob = { tableName, dynamoDbEndpoint: dynamodb.endpoint, sentEmailsEndpoint: meter.endpoint, checkpointFile, runId };
    const child = fork(new URL('./fan-out-process.ts', import.meta.url).pathname, [JSON.stringify(job)], {
      execArgv: withNodeLifeline([]),
      env: environment,
      stdio: ['pipe', 'inherit', 'inherit', 'ipc'],
    });
    const messages: FanOutMessage[] = [];
    child.on('message', (message: FanOutMessage) => messages.push(message));
    const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
    const firstAlert = firstAlertAt(ses.endpoint, terms.title, exited);
    const [code] = await exited;
    const done = messages.find((message) => message.kind === 'done');
    const draining = messages.find((message) => message.kind === 'draining');
    if (code !== 0 || !done || !draining) throw new Error(`The fan-out process failed (exit code ${code})`);
    const firstAt = await firstAlert;

    log('Checking the local SES…');
    const inbox = await checkAlerts(ses.endpoint, terms.title, new Set(Array.from({ length: recipients }, (_, n) => subscriberEmail(n))));
    if (done.run.sent !== recipients || done.run.matched !== recipients) throw new Error(`The run matched ${done.run.matched} and sent ${done.run.sent}, expected ${recipients}`);

    const sentEmails: FanOutCounts = {};
    for (const { operation, items } of meter.take()) {
      const count = (sentEmails[operation] ??= { requests: 0, items: 0 });
      count.requests += 1;
      count.items += items;
    }
    const byCommand: CommandCount[] = [
      ...Object.entries(done.tableRequests).map(([command, count]) => ({ command, source: 'table' as const, ...count })),
      ...Object.entries(sentEmails).map(([command, count]) => ({ command, source: 'sent emails' as const, ...count })),
    ]
      .map((count) => ({ ...count, perRecipient: count.requests / recipients, itemsPerRecipient: count.items / recipients }))
      .sort((a, b) => b.requests - a.requests);
    const requests = byCommand.reduce((sum, count) => sum + count.requests, 0);
    return {
      recipients,
      sesMaxSendRate: benchSendRate,
      seedSeconds,
      drainSeconds: done.drainMs / 1000,
      emailsPerSecond: inbox.alerts / (done.drainMs / 1000),
      firstEmailMs: firstAt === undefined ? null : firstAt - draining.at,
      startRssMiB: done.startRssKiB / 1024,
      peakRssMiB: done.maxRssKiB / 1024,
      startHeapMiB: mib(done.startHeapBytes),
      peakHeapMiB: mib(done.peakHeapBytes),
      dynamoDb: { requests, perRecipient: requests / recipients, byCommand },
      run: done.run,
      inbox,
      loadAverage: loadavg(),
    };
  } finally {
    await meter.stop();
    await Promise.all([dynamodb.service.stop(), ses.service.stop()]);
  }
}
