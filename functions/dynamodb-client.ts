import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { awsClientSettings } from './aws-client-settings.ts';
import type { Config } from './config.ts';

/** A DynamoDB client for the configured region and endpoint, with the functions' timeouts and retries. */
export const dynamoDbClient = (settings: Config) =>
  new DynamoDBClient({
    ...awsClientSettings,
    region: settings.AWS_REGION,
    ...(settings.DYNAMODB_ENDPOINT ? { endpoint: settings.DYNAMODB_ENDPOINT } : {}),
  });

/** The document client the entities write through: plain values, undefined attributes left out. */
export const documentClientOf = (client: DynamoDBClient) => DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });

/** Told of each DynamoDB command the client had answered: its name, what was asked and DynamoDB's answer (retries not counted). */
export type DynamoDbRequestObserver = (request: { commandName: string; input: unknown; output: unknown }) => void;

/** Makes the client tell the observer of every command it has answered from now on. */
export function observeRequests(client: DynamoDBClient, observer: DynamoDbRequestObserver): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const answer = await next(args);
      observer({ commandName: String(context.commandName), input: args.input, output: answer.output });
      return answer;
    },
    { step: 'initialize' },
  );
}
