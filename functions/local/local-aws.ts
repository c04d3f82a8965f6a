/**
 * How local code reaches the local stand-ins for AWS. DynamoDB Local runs with `-sharedDb`, so the
 * region and the (dummy) credentials do not matter, but the SDK refuses to sign without them.
 */
export const localRegion = 'eu-west-1';

const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

export function localClientConfig(endpoint: string) {
  return { endpoint, region: localRegion, credentials: localCredentials };
}

/** Lambda runs a newer Node than this machine's 20; the SDK's notice about that is noise here. */
export const quietSdkEnvironment = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

export interface LocalEndpoints {
  tableName: string;
  dynamoDbEndpoint: string;
  sesEndpoint: string;
}

/** The environment the functions read (functions/config.ts) plus what the AWS SDK needs, pointed at the stand-ins. */
export function localEnvironment({ tableName, dynamoDbEndpoint, sesEndpoint }: LocalEndpoints): Record<string, string> {
  return {
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: dynamoDbEndpoint,
    SES_ENDPOINT: sesEndpoint,
    AWS_REGION: localRegion,
    AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
    ...quietSdkEnvironment,
  };
}
