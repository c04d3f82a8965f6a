import type { AwsCredentialIdentityProvider } from '@smithy/types';

/**
 * The AWS SDK's credentials inside a Lambda bundle, in place of its default chain (profiles, SSO,
 * web identity, container and instance metadata: about 100 KB that a function never reaches):
 * Lambda hands every function its role's credentials in the environment. Bundling puts this in
 * for `@aws-sdk/credential-provider-node` (infra/bundling/function-bundle.ts); tests and
 * `npm start` run the SDK's own chain.
 */
export const defaultProvider = (): AwsCredentialIdentityProvider => async () => {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = process.env;
  if (!accessKeyId || !secretAccessKey) throw new Error('No AWS credentials in the environment: a Crossover bundle runs in Lambda, which sets them');
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
};
