import type { TestProject } from 'vitest/node';
import { assertJavaInstalled } from '#functions/local/dynamodb-local.ts';
import { quietSdkEnvironment } from '#functions/local/local-aws.ts';
import { startLocalServices } from '#functions/local/local-services.ts';
import { findFreePorts } from '#functions/local/tcp-ports.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** DynamoDB Local, in memory, for this test run only. */
    dynamoDbEndpoint: string;
    /** aws-ses-v2-local for this test run: the SES endpoint and, at `/store`, every email sent. */
    sesEndpoint: string;
  }
}

/**
 * Starts DynamoDB Local (in memory) and the SES stand-in once per test run, on ports the OS
 * picks, so tests run beside `npm start`. Each test file makes its own table (test/helpers/table.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  assertJavaInstalled();
  Object.assign(process.env, quietSdkEnvironment);
  const [dynamoDbPort = 0, sesPort = 0] = await findFreePorts(2);
  const { dynamodb, ses, stop } = await startLocalServices({ dynamodb: { port: dynamoDbPort, storage: 'memory' }, ses: { port: sesPort } });
  project.provide('dynamoDbEndpoint', dynamodb.endpoint);
  project.provide('sesEndpoint', ses.endpoint);
  return stop;
}
