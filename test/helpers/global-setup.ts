import type { TestProject } from 'vitest/node';
import { assertJavaInstalled, startDynamoDbLocal } from '#functions/local/dynamodb-local.ts';
import { quietSdkEnvironment } from '#functions/local/local-aws.ts';
import { findFreePorts } from '#functions/local/ports.ts';
import { startSesLocal } from '#functions/local/ses-local.ts';

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
  const [dynamodb, ses] = await Promise.allSettled([
    startDynamoDbLocal({ port: dynamoDbPort, storage: 'memory' }),
    startSesLocal({ port: sesPort }),
  ]);
  const stop = async () => {
    await Promise.all([dynamodb, ses].map((started) => (started.status === 'fulfilled' ? started.value.service.stop() : undefined)));
  };
  if (dynamodb.status === 'rejected' || ses.status === 'rejected') {
    await stop();
    throw dynamodb.status === 'rejected' ? dynamodb.reason : (ses as PromiseRejectedResult).reason;
  }
  project.provide('dynamoDbEndpoint', dynamodb.value.endpoint);
  project.provide('sesEndpoint', ses.value.endpoint);
  return stop;
}
