import { parseConfig } from '../config.ts';
import { startWeeklyDigest } from '../domain/alerts/weekly-digest.ts';
import { createWiring } from '../wiring.ts';
import { localEnvironment } from './local-aws.ts';

/**
 * `npm run digest`: starts last week's digest in the table of a running `npm start`, as its timer
 * and the Monday schedule in AWS do; the server's outbox dispatcher then mails it. A second run in
 * the same week starts nothing.
 */
const env = localEnvironment({
  tableName: 'crossover',
  dynamoDbEndpoint: `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? 8000}`,
  sesEndpoint: `http://127.0.0.1:${process.env.SES_PORT ?? 8005}`,
});
const { runId, started, challenges } = await startWeeklyDigest(createWiring(parseConfig({ ...process.env, ...env })).digestPorts);
console.log(
  started ? `Started ${runId}: ${challenges} challenges; the running server mails it to weekly subscribers they fit.` : `${runId} had started already: nothing more is sent.`,
);
