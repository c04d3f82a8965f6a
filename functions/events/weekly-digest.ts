import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { startWeeklyDigest } from '../domain/alerts/weekly-digest.ts';
import { logger } from '../logger.ts';
import { wiring } from '../wiring.ts';

/**
 * Starts last week's digest: EventBridge Scheduler calls it on Monday morning (Amsterdam time) in
 * AWS, the local server's timer and `npm run digest` on this machine. Starting twice in a week
 * starts nothing the second time; the outbox dispatcher then walks the run and mails it.
 */
export const handler = middy()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async () => {
    const outcome = await startWeeklyDigest(wiring().digestPorts);
    logger.info(outcome.started ? 'Started the weekly digest' : 'The weekly digest had started already', outcome);
    return outcome;
  });
