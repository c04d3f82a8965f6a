import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { config, type Config } from './config.ts';
import { tableSchema } from './data/table-schema.ts';
import { dynamoDbClient } from './dynamodb-client.ts';
import type { DeliveryPorts } from './domain/notifications/deliver-event.ts';
import type { OutgoingEmail } from './mail/message.ts';
import { configuredMailer } from './mail/ses-mailer.ts';
import { signUnsubscribeToken } from './domain/unsubscribe/token.ts';
import { sessionKey } from './session-key.ts';
import { mailTemplates } from './mail/templates/index.ts';
import { lazily, once } from './once.ts';
import { createWiring, wiring, type Wiring } from './wiring.ts';

/** A sent email's idempotency record outlives any retry of its event (streams keep records 24 h). */
const SENT_EMAIL_MEMORY_SECONDS = 7 * 24 * 60 * 60;

/**
 * The table's wiring plus what sends email: SES, the memory of sent emails and the outbox's delivery.
 * Only the outbox's senders import this (the dispatcher, staff re-drive), so the other functions
 * bundle no mail code (sign-in mails its codes with the mailer alone).
 */
export function createMailWiring(settings: Config = config(), table: Wiring = createWiring(settings)) {
  const mailer = once(() => configuredMailer(settings));
  const idempotency = once(() => new IdempotencyConfig({ eventKeyJmesPath: 'key', expiresAfterSeconds: SENT_EMAIL_MEMORY_SECONDS }));
  const delivery = once((): DeliveryPorts => {
    const sentEmails = new DynamoDBPersistenceLayer({
      tableName: settings.TABLE_NAME,
      awsSdkV3Client: dynamoDbClient(settings),
      keyAttr: tableSchema.partitionKey,
      sortKeyAttr: tableSchema.sortKey,
      staticPkValue: 'IDEMPOTENCY#email',
      expiryAttr: tableSchema.ttlAttribute,
    });
    const sendOnce = makeIdempotent(
      async (sending: { key: string; email: OutgoingEmail }) => mailer().send(sending.email),
      // One prefix for every sender (the dispatcher, the staff re-drive, `npm run redrive`), so none sends what another did.
      { persistenceStore: sentEmails, config: idempotency(), keyPrefix: 'email' },
    );
    const { outbox, mailOptOuts, suppressions } = table;
    return {
      templates: mailTemplates,
      siteUrl: settings.SITE_URL,
      sendOnce: async (key, email) => {
        await sendOnce({ key, email });
      },
      noteRecipients: outbox.noteRecipients,
      suppressedAmong: suppressions.suppressedAmong,
      noteSuppressed: outbox.noteSuppressed,
      markDelivered: outbox.markDelivered,
      markFailed: outbox.markFailed,
      optedOutAmong: mailOptOuts.optedOutAmong,
      unsubscribeToken: async (email, kind) => signUnsubscribeToken({ email, kind }, await sessionKey(settings)),
    };
  });
  // The table's parts are carried over as they are (getters, not values), so they stay lazy and shared.
  return Object.defineProperties(lazily({ idempotency, delivery }), Object.getOwnPropertyDescriptors(table)) as Readonly<{
    idempotency: IdempotencyConfig;
    delivery: DeliveryPorts;
  }> &
    Wiring;
}

export type MailWiring = ReturnType<typeof createMailWiring>;

/** The mail wiring of this process, on top of its table wiring, built at first use and kept. */
export const mailWiring = once(() => createMailWiring(config(), wiring()));
