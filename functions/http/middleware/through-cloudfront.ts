import { timingSafeEqual } from 'node:crypto';
import type middy from '@middy/core';
import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { config, type Config } from '#functions/config.ts';
import { originHeader } from '../origin-header.ts';
import { HttpProblem } from '../problem.ts';

/** Cached for a few minutes, like the session key. */
const SECRET_CACHE_SECONDS = 300;

/** Compares in constant time, so the answer's timing says nothing about how much of a guess was right. */
function sameSecret(sent: string | undefined, expected: string): boolean {
  if (sent === undefined) return false;
  const [a, b] = [Buffer.from(sent), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

const secretOf = async (arn: string) => String(await getSecret(arn, { maxAge: SECRET_CACHE_SECONDS }));

/**
 * In AWS (`ORIGIN_SECRET_ARN` set) the API answers only requests that came through CloudFront,
 * which adds the origin secret to each: a request straight to the execute-api endpoint would skip
 * the web ACL, its rate limit per client and the security headers. Locally there is no CloudFront
 * and no secret, so nothing is checked.
 */
export function throughCloudFrontOnly<Result>(
  settings: () => Pick<Config, 'ORIGIN_SECRET_ARN'> = config,
  readSecret: (arn: string) => Promise<string> = secretOf,
): middy.MiddlewareObj<APIGatewayProxyEventV2, Result> {
  return {
    before: async ({ event }) => {
      const arn = settings().ORIGIN_SECRET_ARN;
      if (!arn) return;
      if (!sameSecret(event.headers[originHeader], await readSecret(arn))) {
        throw new HttpProblem(403, 'Forbidden', "Crossover's API answers only through its own site.");
      }
    },
  };
}
