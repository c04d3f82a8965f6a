import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import type { Config } from './config.ts';

/** Cached for a few minutes in AWS, so a rotated key reaches warm functions without a redeploy. */
const SECRET_CACHE_SECONDS = 300;

/**
 * The key that signs session cookies and keys the sign-in code hashes: `SESSION_KEY` locally
 * (npm start keeps one under .data/), the Secrets Manager secret `SESSION_SECRET_ARN` in AWS.
 */
export async function sessionKey(settings: Pick<Config, 'SESSION_KEY' | 'SESSION_SECRET_ARN'>): Promise<Uint8Array> {
  if (settings.SESSION_KEY) return new TextEncoder().encode(settings.SESSION_KEY);
  if (settings.SESSION_SECRET_ARN) {
    const secret = await getSecret(settings.SESSION_SECRET_ARN, { maxAge: SECRET_CACHE_SECONDS });
    if (typeof secret === 'string' && secret.length >= 32) return new TextEncoder().encode(secret);
  }
  throw new Error('No session key: set SESSION_KEY, or SESSION_SECRET_ARN to a secret of at least 32 characters');
}
