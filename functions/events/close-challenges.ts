import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { remindDraftBidders } from '../domain/bids/remind-draft-bidders.ts';
import { closeChallengesPastDeadline } from '../domain/challenges/close-challenges.ts';
import { logger } from '../logger.ts';
import { wiring } from '../wiring.ts';

/**
 * The deadline jobs, run every few minutes by an EventBridge rule in AWS and by the local server's
 * timer: closes every published challenge whose bid deadline has passed, then reminds firms with
 * an unsubmitted bid on a challenge closing within 48 hours. Both are safe to rerun, so a failed
 * run is simply retried whole.
 */
export const handler = middy()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async () => {
    const { challengePorts, bidPorts } = wiring();
    const closed = await closeChallengesPastDeadline(challengePorts);
    const reminded = await remindDraftBidders(bidPorts);
    if (closed || reminded) logger.info('Ran the deadline jobs', { closed, reminded });
    return { closed, reminded };
  });
