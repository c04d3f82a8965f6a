import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { SNSEvent } from 'aws-lambda';
import { recordSesNotification, type SuppressionStore } from '../domain/notifications/suppressions.ts';
import { logger } from '../logger.ts';
import { wiring } from '../wiring.ts';

/**
 * SES's bounces and complaints, published by the configuration set to an SNS topic, put addresses
 * on the suppression list. SNS hands each message to the function, one record at a time:
 * 1. read each record's message; a malformed one is logged and dropped (a retry would not mend it)
 * 2. store what it says; a storage failure is thrown, so Lambda and SNS deliver the message again
 *    (storing is a Put, so the records already stored are only written again)
 */
export function createSesNotificationHandler(suppressions: () => Pick<SuppressionStore, 'suppress'>) {
  return middy<SNSEvent>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event) => {
      for (const record of event.Records) {
        const outcome = await recordSesNotification(record.Sns.Message, suppressions());
        const about = { snsMessageId: record.Sns.MessageId };
        if (outcome.kind === 'malformed') logger.error('Dropped an SNS message that is no SES notification', { ...about, reason: outcome.reason });
        else if (outcome.kind === 'ignore') logger.info('SES notification changes no suppression', { ...about, reason: outcome.reason });
        else logger.info('Suppressed addresses', { ...about, reasons: outcome.entries.map(({ reason }) => reason), count: outcome.entries.length });
      }
    });
}

export const handler = createSesNotificationHandler(() => wiring().suppressions);
