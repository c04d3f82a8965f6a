import { parseConfig } from '#functions/config.ts';
import { createOutboxDispatcher } from '#functions/events/outbox-dispatcher.ts';
import { createStreamPoller } from '#functions/local/stream-poller.ts';
import { createMailWiring } from '#functions/mail-wiring.ts';
import { createWiring } from '#functions/wiring.ts';
import { itemsOf } from '../dynamodb-meter.ts';
import type { FanOutCounts, FanOutJob, FanOutMessage } from './fan-out-job.ts';

/**
 * The alert fan-out and its delivery in a Node process of their own, so that its peak memory is
 * theirs alone (bench/alerts/alert-figures.ts forks it):
 * 1. the dispatcher with its mail wiring, its table requests counted by command
 * 2. the stream poller (the local stand-in for Lambda's event source) drained until every email
 *    the run matched is sent, timed
 * 3. its figures sent to the parent.
 */
const job = JSON.parse(process.argv[2] ?? '') as FanOutJob;
const send = (message: FanOutMessage) => process.send?.(message);
const settings = parseConfig(process.env);
const table = createWiring(settings);
const wired = createMailWiring({ ...settings, DYNAMODB_ENDPOINT: job.sentEmailsEndpoint }, table);
// The bench's own reads of the run go through a wiring of their own, so they are not counted.
const runs = createWiring(settings).alertRuns;

const tableRequests: FanOutCounts = {};
table.observeDynamoDbRequests(({ commandName, input, output }) => {
  const command = commandName.replace(/Command$/, '');
  const count = (tableRequests[command] ??= { requests: 0, items: 0 });
  count.requests += 1;
  count.items += itemsOf(command, input as Record<string, unknown>, output as Record<string, unknown>);
});

async function drainRun(): Promise<void> {
  const poller = createStreamPoller({
    dynamoDbEndpoint: job.dynamoDbEndpoint,
    tableName: job.tableName,
    handler: createOutboxDispatcher(() => wired),
    checkpointFile: job.checkpointFile,
  });
  const startRssKiB = process.memoryUsage().rss / 1024;
  const startHeapBytes = process.memoryUsage().heapUsed;
  let peakHeapBytes = startHeapBytes;
  const sampler = setInterval(() => (peakHeapBytes = Math.max(peakHeapBytes, process.memoryUsage().heapUsed)), 20);

  send({ kind: 'draining', at: Date.now() });
  const started = performance.now();
  let run = await runs.run(job.runId);
  // A drain ends when a poll finds nothing; the stream may still be catching up with the last writes.
  for (let idle = 0; !run || run.status !== 'matched' || run.sent + run.suppressed + run.failed < run.matched;) {
    const delivered = await poller.drain();
    idle = delivered ? 0 : idle + 1;
    if (idle > 20) throw new Error(`The run ${job.runId} stalled: ${JSON.stringify(run)}`);
    if (!delivered) await new Promise((resolve) => setTimeout(resolve, 100));
    run = await runs.run(job.runId);
  }
  const drainMs = performance.now() - started;
  clearInterval(sampler);
  await poller.stop();

  const { matched, sent, suppressed, failed, status } = run;
  send({
    kind: 'done',
    drainMs,
    startRssKiB,
    maxRssKiB: process.resourceUsage().maxRSS,
    startHeapBytes,
    peakHeapBytes,
    tableRequests,
    run: { matched, sent, suppressed, failed, status },
  });
}

drainRun().then(
  () => process.disconnect?.(),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
