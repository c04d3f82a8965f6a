import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
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
import { lazily, once } from './once.ts';
import type { BidPorts } from './domain/bids/ports.ts';
import type { ChallengePorts } from './domain/challenges/ports.ts';
import type { DailyLimits } from './domain/daily-allowance.ts';
import type { EvaluationPorts } from './domain/evaluation/ports.ts';
import type { OrganisationPorts } from './domain/organisations/ports.ts';

/**
 * The one place that builds the real table adapters from configuration (mail-wiring.ts adds SES,
 * for the functions that send email). Handlers and tests take their dependencies from here, so
 * tests run the same wiring against the local parts.
 */
export function createWiring(settings: Config = config()) {
  const dynamodb = once(
    () =>
      new DynamoDBClient({
        ...awsClientSettings,
        region: settings.AWS_REGION,
        ...(settings.DYNAMODB_ENDPOINT ? { endpoint: settings.DYNAMODB_ENDPOINT } : {}),
      }),
  );
  const documentClient = once(() => DynamoDBDocumentClient.from(dynamodb(), { marshallOptions: { removeUndefinedValues: true } }));
  const table = settings.TABLE_NAME;
  const limits: DailyLimits = {
    memberInvitationsPerOrganisation: settings.MEMBER_INVITATIONS_PER_ORGANISATION_PER_DAY,
    partnerInvitationsPerBid: settings.PARTNER_INVITATIONS_PER_BID_PER_DAY,
    helpRequestsPerBid: settings.HELP_REQUESTS_PER_BID_PER_DAY,
    amendmentsPerChallenge: settings.AMENDMENTS_PER_CHALLENGE_PER_DAY,
  };
  const organisationPorts = once(
    (): OrganisationPorts => ({ store: createOrganisationStore(documentClient(), table, ulid), limits, now: clock.now, newId: ulid }),
  );
  const bidPorts = once(
    (): BidPorts => ({
      challenges: createChallengeStore(documentClient(), table, ulid),
      organisations: organisationPorts().store,
      bids: createBidStore(documentClient(), table, ulid),
      staffEmails: settings.STAFF_EMAILS,
      limits,
      now: clock.now,
      newId: ulid,
    }),
  );
  const evaluationPorts = once((): EvaluationPorts => ({ ...bidPorts(), evaluation: createEvaluationStore(documentClient(), table, ulid) }));
  const accounts = once(() => createAccounts(documentClient(), table, ulid));
  const organisations = once(() => organisationEntity(documentClient(), table));
  const outboxEvents = once(() => outboxEventEntity(documentClient(), table));
  const outbox = once(() => createOutboxStore(documentClient(), table));

  // Each part is built when first read, so a cold start builds only what its routes use.
  return lazily({
    config: () => settings,
    newId: () => ulid,
    dynamodb,
    documentClient,
    accounts,
    organisations,
    outboxEvents,
    outbox,
    organisationPorts,
    // The challenges read their bidding through the bids' ports, so both are the same object.
    challengePorts: (): ChallengePorts => bidPorts(),
    bidPorts,
    evaluationPorts,
  });
}

export type Wiring = ReturnType<typeof createWiring>;

let current: Wiring | undefined;

/** The wiring of this process, built at first use (cold start) and kept. */
export function wiring(): Wiring {
  current ??= createWiring();
  return current;
}
