import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SESClient } from '@aws-sdk/client-ses';
import { ulid } from 'ulid';
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { awsClientSettings } from './aws-client-settings.ts';
import { clock } from './clock.ts';
import { config, type Config } from './config.ts';
import { createAccounts } from './data/accounts.ts';
import { createBidStore } from './data/bid-store.ts';
import { createChallengeStore } from './data/challenge-store.ts';
import { createEvaluationStore } from './data/evaluation-store.ts';
import { organisationEntity } from './data/organisation.entity.ts';
import { createOrganisationStore } from './data/organisation-store.ts';
import { outboxEventEntity } from './data/outbox-event.entity.ts';
import { createOutboxStore } from './data/outbox-store.ts';
import { tableSchema } from './data/table-schema.ts';
import type { BidPorts } from './domain/bids/ports.ts';
import type { ChallengePorts } from './domain/challenges/ports.ts';
import type { DailyLimits } from './domain/daily-allowance.ts';
import type { EvaluationPorts } from './domain/evaluation/ports.ts';
import type { DeliveryPorts } from './domain/notifications/deliver-event.ts';
import type { OrganisationPorts } from './domain/organisations/ports.ts';
import type { Mailer, OutgoingEmail } from './mail/message.ts';
import { createSesMailer } from './mail/ses-mailer.ts';
import { mailTemplates } from './mail/templates/index.ts';

/** A sent email's idempotency record outlives any retry of its event (streams keep records 24 h). */
const SENT_EMAIL_MEMORY_SECONDS = 7 * 24 * 60 * 60;

/**
 * The one place that builds the real adapters (DynamoDB, SES) from configuration. Handlers and
 * tests take their dependencies from here, so tests run the same wiring against the local parts.
 */
export function createWiring(settings: Config = config()) {
  const dynamodb = new DynamoDBClient({
    ...awsClientSettings,
    region: settings.AWS_REGION,
    ...(settings.DYNAMODB_ENDPOINT ? { endpoint: settings.DYNAMODB_ENDPOINT } : {}),
  });
  const documentClient = DynamoDBDocumentClient.from(dynamodb, { marshallOptions: { removeUndefinedValues: true } });
  const ses = new SESClient({
    ...awsClientSettings,
    region: settings.AWS_REGION,
    ...(settings.SES_ENDPOINT ? { endpoint: settings.SES_ENDPOINT } : {}),
  });
  const mailer: Mailer = createSesMailer(ses, settings.MAIL_FROM);
  const outboxEvents = outboxEventEntity(documentClient, settings.TABLE_NAME);
  const accounts = createAccounts(documentClient, settings.TABLE_NAME, ulid);
  const organisations = organisationEntity(documentClient, settings.TABLE_NAME);
  const limits: DailyLimits = {
    memberInvitationsPerOrganisation: settings.MEMBER_INVITATIONS_PER_ORGANISATION_PER_DAY,
    partnerInvitationsPerBid: settings.PARTNER_INVITATIONS_PER_BID_PER_DAY,
    helpRequestsPerBid: settings.HELP_REQUESTS_PER_BID_PER_DAY,
    amendmentsPerChallenge: settings.AMENDMENTS_PER_CHALLENGE_PER_DAY,
  };
  const organisationPorts: OrganisationPorts = {
    store: createOrganisationStore(documentClient, settings.TABLE_NAME, ulid),
    limits,
    now: clock.now,
    newId: ulid,
  };
  const challengePorts: ChallengePorts = {
    challenges: createChallengeStore(documentClient, settings.TABLE_NAME, ulid),
    organisations: organisationPorts.store,
    bids: createBidStore(documentClient, settings.TABLE_NAME, ulid),
    staffEmails: settings.STAFF_EMAILS,
    limits,
    now: clock.now,
    newId: ulid,
  };
  // The challenge's ports carry the bids (a challenge shows their count); the bids' are the same.
  const bidPorts: BidPorts = challengePorts;
  const evaluationPorts: EvaluationPorts = { ...challengePorts, evaluation: createEvaluationStore(documentClient, settings.TABLE_NAME, ulid) };

  const idempotency = new IdempotencyConfig({ eventKeyJmesPath: 'key', expiresAfterSeconds: SENT_EMAIL_MEMORY_SECONDS });
  const sentEmails = new DynamoDBPersistenceLayer({
    tableName: settings.TABLE_NAME,
    awsSdkV3Client: dynamodb,
    keyAttr: tableSchema.partitionKey,
    sortKeyAttr: tableSchema.sortKey,
    staticPkValue: 'IDEMPOTENCY#email',
    expiryAttr: tableSchema.ttlAttribute,
  });
  const sendOnce = makeIdempotent(
    async (delivery: { key: string; email: OutgoingEmail }) => mailer.send(delivery.email),
    // One prefix for every sender (the dispatcher, the staff re-drive, `npm run redrive`), so none sends what another did.
    { persistenceStore: sentEmails, config: idempotency, keyPrefix: 'email' },
  );
  const outbox = createOutboxStore(documentClient, settings.TABLE_NAME);

  const delivery: DeliveryPorts = {
    templates: mailTemplates,
    siteUrl: settings.SITE_URL,
    sendOnce: async (key, email) => {
      await sendOnce({ key, email });
    },
    noteRecipients: outbox.noteRecipients,
    markDelivered: outbox.markDelivered,
    markFailed: outbox.markFailed,
  };

  return { config: settings, dynamodb, documentClient, mailer, outboxEvents, outbox, idempotency, delivery, accounts, organisations, organisationPorts, challengePorts, bidPorts, evaluationPorts, newId: ulid };
}

export type Wiring = ReturnType<typeof createWiring>;

let current: Wiring | undefined;

/** The wiring of this process, built at first use (cold start) and kept. */
export function wiring(): Wiring {
  current ??= createWiring();
  return current;
}
