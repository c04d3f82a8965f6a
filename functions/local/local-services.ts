import { startDynamoDbLocal, type DynamoDbLocal, type DynamoDbLocalOptions } from './dynamodb-local.ts';
import { startSesLocal, type SesLocal } from './ses-local.ts';

export interface LocalServices {
  dynamodb: DynamoDbLocal;
  ses: SesLocal;
  stop(): Promise<void>;
}

export interface LocalServicesOptions {
  dynamodb: DynamoDbLocalOptions;
  ses: { port: number };
}

/**
 * Starts DynamoDB Local and the SES stand-in side by side (`npm start` and the test run). If either
 * fails, the other is stopped once it has started too, so a failed start leaves no process behind.
 */
export async function startLocalServices(options: LocalServicesOptions): Promise<LocalServices> {
  const [dynamodb, ses] = await Promise.allSettled([startDynamoDbLocal(options.dynamodb), startSesLocal(options.ses)]);
  const stop = async () => {
    await Promise.all([dynamodb, ses].map((started) => (started.status === 'fulfilled' ? started.value.service.stop() : undefined)));
  };
  if (dynamodb.status === 'rejected' || ses.status === 'rejected') {
    await stop();
    throw dynamodb.status === 'rejected' ? dynamodb.reason : (ses as PromiseRejectedResult).reason;
  }
  return { dynamodb: dynamodb.value, ses: ses.value, stop };
}
