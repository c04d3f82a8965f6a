import middy from '@middy/core';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../logger.ts';

/**
 * Builds a DynamoDB stream handler: each record is handled on its own and the ones that failed
 * are reported back (partial batch response), so the event source retries from the first failure
 * and never skips a record. A batch where every record failed is thrown, which retries it whole.
 */
export function createStreamHandler(handleRecord: (record: DynamoDBRecord, context: Context) => Promise<void>) {
  const processor = new BatchProcessor(EventType.DynamoDBStreams);
  return middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event, context) => processPartialResponse(event, (record: DynamoDBRecord) => handleRecord(record, context), processor, { context }));
}
