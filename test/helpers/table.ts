import { randomBytes, randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { createTableIfMissing } from '#functions/local/create-table.ts';
import { startDynamoDbLocal } from '#functions/local/dynamodb-local.ts';
import { findFreePorts } from '#functions/local/tcp-ports.ts';
import { localClientConfig, localEnvironment, type LocalEndpoints } from '#functions/local/local-aws.ts';

/** The site origin tests send as `Origin` on requests that change state. */
export const testSiteUrl = 'http://localhost:3000';

/**
 * A fresh table for one test file, on the run's DynamoDB Local, made exactly as `npm start` makes
 * its own. Also points this worker's environment (TABLE_NAME, DYNAMODB_ENDPOINT, SES_ENDPOINT,
 * region, dummy credentials) at it, so call it before anything reads the configuration.
 */
export async function createTestTable(own: Partial<Omit<LocalEndpoints, 'tableName'>> = {}): Promise<LocalEndpoints> {
  const endpoints: LocalEndpoints = {
    tableName: `crossover-test-${randomUUID()}`,
    dynamoDbEndpoint: inject('dynamoDbEndpoint'),
    sesEndpoint: inject('sesEndpoint'),
    // A test file that stops and starts a service runs its own, so no other file sees the outage.
    ...own,
  };
  // A session key of the test run's own, and the site origin the API's CSRF check expects. Every
  // test signs in from 127.0.0.1, so the per-client sign-in limits are raised out of their way
  // (test/integration/sign-in-per-client.test.ts sets them low to test them).
  Object.assign(process.env, localEnvironment(endpoints), {
    SESSION_KEY: randomBytes(32).toString('hex'),
    SITE_URL: testSiteUrl,
    SIGN_IN_CODES_PER_CLIENT: '100000',
    SIGN_IN_VERIFIES_PER_CLIENT: '100000',
  });
  const client = new DynamoDBClient(localClientConfig(endpoints.dynamoDbEndpoint));
  try {
    await createTableIfMissing(client, endpoints.tableName);
  } finally {
    client.destroy();
  }
  return endpoints;
}

/**
 * A fresh table on a DynamoDB Local of the test file's own, in memory, for a file that writes
 * thousands of items: on the run's shared one they would slow every other file's requests.
 * Call `stop` after the file's tests.
 */
export async function createTableOnOwnDynamoDb(): Promise<LocalEndpoints & { stop: () => Promise<void> }> {
  const [port = 0] = await findFreePorts(1);
  const dynamodb = await startDynamoDbLocal({ port, storage: 'memory' });
  return { ...(await createTestTable({ dynamoDbEndpoint: dynamodb.endpoint })), stop: () => dynamodb.service.stop() };
}
