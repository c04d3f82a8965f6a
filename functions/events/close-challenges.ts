import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { closeChallengesPastDeadline } from '../domain/challenges/close-challenges.ts';
import { logger } from '../logger.ts';
import { wiring } from '../wiring.ts';

/**
 * The scheduled close, run every few minutes by an EventBridge rule in AWS and by the local
 * server's timer: closes every published challenge whose bid deadline has passed.
 */
export const handler = middy()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async () => {
    const closed = await closeChallengesPastDeadline(wiring().challengePorts);
    if (closed) logger.info('Closed challenges past their bid deadline', { closed });
    return { closed };
  });
