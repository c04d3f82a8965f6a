import { resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { assertJavaInstalled, startDynamoDbLocal } from './dynamodb-local.ts';
import { localClientConfig, quietSdkEnvironment } from './local-aws.ts';
import { findFreePorts } from './tcp-ports.ts';

const root = resolve(import.meta.dirname, '../..');
/** Where `npm start` keeps its data; tests point CROSSOVER_DATA_DIR elsewhere so that they never touch a developer's own. */
export const localDataDirectory = resolve(root, process.env.CROSSOVER_DATA_DIR ?? '.data');
export const localTableName = 'crossover';

/**
 * Runs `work` against the local install's table: through the DynamoDB Local of a running `npm start`
 * (on DYNAMODB_PORT, 8000 by default), or, when none answers there, through one started on the same
 * data for the time of the command, so the admin tools work with or without `npm start`.
 */
export async function withLocalTable<T>(work: (client: DynamoDBClient, tableName: string) => Promise<T>): Promise<T> {
  Object.assign(process.env, quietSdkEnvironment);
  const running = `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? 8000}`;
  if (await answers(running)) return use(running, work);

  assertJavaInstalled();
  const [port = 0] = await findFreePorts(1);
  const dynamodb = await startDynamoDbLocal({ port, storage: { directory: resolve(localDataDirectory, 'dynamodb') } });
  try {
    return await use(dynamodb.endpoint, work);
  } finally {
    await dynamodb.service.stop();
  }
}

async function use<T>(endpoint: string, work: (client: DynamoDBClient, tableName: string) => Promise<T>): Promise<T> {
  const client = new DynamoDBClient(localClientConfig(endpoint));
  try {
    return await work(client, localTableName);
  } finally {
    client.destroy();
  }
}

async function answers(endpoint: string): Promise<boolean> {
  const probe = new DynamoDBClient({
    ...localClientConfig(endpoint),
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 2_000, throwOnRequestTimeout: true },
  });
  try {
    await probe.send(new ListTablesCommand({ Limit: 1 }));
    return true;
  } catch {
    return false;
  } finally {
    probe.destroy();
  }
}
