import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { createTableIfMissing } from '#functions/local/create-table.ts';
import { localClientConfig, localEnvironment, type LocalEndpoints } from '#functions/local/local-aws.ts';

/**
 * A fresh table for one test file, on the run's DynamoDB Local, made exactly as `npm start` makes
 * its own. Also points this worker's environment (TABLE_NAME, DYNAMODB_ENDPOINT, SES_ENDPOINT,
 * region, dummy credentials) at it, so call it before anything reads the configuration.
 */
export async function createTestTable(): Promise<LocalEndpoints> {
  const endpoints: LocalEndpoints = {
    tableName: `crossover-test-${randomUUID()}`,
    dynamoDbEndpoint: inject('dynamoDbEndpoint'),
    sesEndpoint: inject('sesEndpoint'),
  };
  Object.assign(process.env, localEnvironment(endpoints));
  const client = new DynamoDBClient(localClientConfig(endpoints.dynamoDbEndpoint));
  try {
    await createTableIfMissing(client, endpoints.tableName);
  } finally {
    client.destroy();
  }
  return endpoints;
}
