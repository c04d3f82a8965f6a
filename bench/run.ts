import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { assertJavaInstalled, startDynamoDbLocal } from '#functions/local/dynamodb-local.ts';
import { createTableIfMissing } from '#functions/local/create-table.ts';
import { localClientConfig, localEnvironment, quietSdkEnvironment } from '#functions/local/local-aws.ts';
import { findFreePorts } from '#functions/local/tcp-ports.ts';
import type { ChildService } from '#functions/local/child-service.ts';
import { alertFigures } from './alerts/alert-figures.ts';
import { startApiServer } from './api-server-process.ts';
import { benchOptions } from './bench-options.ts';
import { startDynamoDbMeter, type DynamoDbMeter } from './dynamodb-meter.ts';
import { functionFigures } from './functions/function-figures.ts';
import { loadTest } from './load.ts';
import { measureSize, type RouteFigures } from './measure-size.ts';
import { measuredRoutes } from './measured-routes.ts';
import { writeAlertReport, writeReport, type BenchResults } from './report.ts';
import { signedIn } from './signed-in.ts';
import { readTemplates, writeCopies } from './seed/clone-records.ts';
import { seedTemplates } from './seed/templates.ts';
import { siteFigures } from './site/site-figures.ts';

/**
 * `npm run bench`: every figure of issue 11, side by side in one run, on a table of its own.
 * 1. the site's pages (built first if web/build is missing) and the functions as CDK bundles them
 * 2. DynamoDB Local in memory on a free port, the table as CDK makes it
 * 3. the templates written by the use cases, the rest of the table copied from them
 * 4. the local server twice (plain, and behind the DynamoDB meter), each a process of its own
 * 5. at each size: cost, direct, in-process and HTTP timings of every route, then the load test
 * 6. the alert fan-out of issue 13 on a DynamoDB Local and local SES of its own (bench/alerts/),
 *    once the rest is stopped; `--alerts` measures only this
 * 7. the table printed and bench/results.json written; everything started is stopped.
 */
const options = benchOptions(process.argv.slice(2));
const origin = 'http://localhost:3000';
const tableName = 'crossover-bench';
const started = performance.now();
const log = (line: string) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const services: ChildService[] = [];
let meter: DynamoDbMeter | undefined;

async function bench(): Promise<void> {
  assertJavaInstalled();
  Object.assign(process.env, quietSdkEnvironment, { SESSION_KEY: randomBytes(32).toString('hex'), SITE_URL: origin, POWERTOOLS_LOG_LEVEL: 'WARN' });
  if (options.alertsOnly) {
    writeAlertReport(await measureAlerts());
  } else {
    const results = await measureApiAndSite();
    await stopAll();
    writeReport({ ...results, alerts: await measureAlerts(), durationSeconds: (performance.now() - started) / 1000 });
  }
  log('Done.');
}

async function measureAlerts() {
  log(`Alert fan-out to ${options.alertRecipients.toLocaleString('en')} subscribers…`);
  return alertFigures(options.alertRecipients, log, (service) => services.push(service));
}

async function measureApiAndSite(): Promise<BenchResults> {
  log('Measuring the site and the function bundles (CDK synthesises the API stack)…');
  const site = await siteFigures();
  const functions = await functionFigures(options.coldImportRounds);

  const [port = 0] = await findFreePorts(1);
  const dynamodb = await startDynamoDbLocal({ port, storage: 'memory' });
  services.push(dynamodb.service);
  // Nothing listens on the discard port: the read routes send no mail, and no mail leaves the machine.
  Object.assign(process.env, localEnvironment({ tableName, dynamoDbEndpoint: dynamodb.endpoint, sesEndpoint: 'http://127.0.0.1:9' }));
  const client = new DynamoDBClient(localClientConfig(dynamodb.endpoint));
  await createTableIfMissing(client, tableName);
  const documentClient = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  const { wiring } = await import('#functions/wiring.ts');
  const wired = wiring();

  log('Writing the templates through the use cases…');
  const templates = await seedTemplates(wired);
  const copies = await readTemplates(documentClient, tableName, templates);
  const commissioner = templates.commissioners[0]!;
  const people = {
    challengeId: templates.challenges[0]!.challengeId,
    commissioner: { organisationId: commissioner.organisationId, cookie: await signedIn(wired, commissioner.userId) },
    firm: { cookie: await signedIn(wired, templates.firms[0]!.userId) },
  };
  const routes = measuredRoutes(people);

  meter = await startDynamoDbMeter(dynamodb.endpoint);
  const server = await startApiServer('the local server');
  services.push(server.service);
  const metered = await startApiServer('the metered local server', { DYNAMODB_ENDPOINT: meter.endpoint });
  services.push(metered.service);

  const sizes: BenchResults['sizes'] = [];
  let challenges = templates.challenges.length;
  let firms = templates.firms.length;
  for (const size of options.sizes) {
    log(`Growing the table to ${size.challenges} challenges and ${size.firms} firms…`);
    const seedStarted = performance.now();
    await writeCopies(documentClient, tableName, copies.challenges, challenges, size.challenges);
    await writeCopies(documentClient, tableName, copies.firms, firms, size.firms);
    [challenges, firms] = [size.challenges, size.firms];
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    log(`Seeded in ${seedSeconds.toFixed(0)} s; measuring ${routes.length} routes…`);
    const figures: RouteFigures[] = await measureSize(routes, { origin, serverUrl: server.url, meteredServerUrl: metered.url, meter, client, latency: options.latency }, log);
    log(`Load test (${options.load.connections} connections, ${options.load.durationSeconds} s)…`);
    const load = await loadTest(server.url, routes, options.load);
    sizes.push({ ...size, seedSeconds, routes: figures, load });
  }
  client.destroy();

  return {
    startedAt: new Date(Date.now() - (performance.now() - started)).toISOString(),
    quick: options.quick,
    durationSeconds: (performance.now() - started) / 1000,
    sizes,
    functions,
    site,
  };
}

async function stopAll(): Promise<void> {
  await meter?.stop();
  meter = undefined;
  await Promise.all(services.splice(0).map((service) => service.stop()));
}

// Last resort should this process die some other way: no java or server left behind.
process.once('exit', () => services.forEach((service) => service.killNow()));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stopAll().then(() => process.exit(1)));

bench()
  .then(stopAll)
  .catch(async (error: unknown) => {
    console.error(error);
    await stopAll();
    process.exitCode = 1;
  });
