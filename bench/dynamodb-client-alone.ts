import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** The yardstick of bench/function-bundles.ts: a function that only sets up the DynamoDB client. */
export const client = new DynamoDBClient({});
