import { handler } from '#functions/events/outbox-dispatcher.ts';
import { createStreamPoller } from '#functions/local/stream-poller.ts';

/**
 * The outbox side of `npm start` alone, as a process a test can stop and start again: the stream
 * poller with its checkpoint file and the dispatcher, configured from the environment
 * (DYNAMODB_ENDPOINT, TABLE_NAME, SES_ENDPOINT, CHECKPOINT_FILE). SIGTERM ends it at once, in the
 * middle of whatever it does (a send, a write), as a crash or a killed server would: harder than
 * Ctrl-C, which lets the local server finish the records it has read.
 */
const poller = createStreamPoller({
  dynamoDbEndpoint: process.env.DYNAMODB_ENDPOINT!,
  tableName: process.env.TABLE_NAME!,
  handler,
  checkpointFile: process.env.CHECKPOINT_FILE!,
  intervalMs: 200,
});
poller.start();
process.once('SIGTERM', () => process.exit(0));
