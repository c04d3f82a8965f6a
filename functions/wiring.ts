import { ulid } from 'ulid';
import { clock } from './clock.ts';
import { config, type Config } from './config.ts';
import { createAccounts } from './data/accounts.ts';
import { createAlertRunStore } from './data/alert-run-store.ts';
import { createAlertStore } from './data/alert-store.ts';
import { createBidStore } from './data/bid-store.ts';
import { createChallengeStore } from './data/challenge-store.ts';
import { createEvaluationStore } from './data/evaluation-store.ts';
import { createMailOptOutStore } from './data/mail-opt-outs.ts';
import { createOrganisationStore } from './data/organisation-store.ts';
import { createOutboxStore } from './data/outbox-store.ts';
import { createSuppressionStore } from './data/suppression-store.ts';
import { isTableReachable } from './data/table-probe.ts';
import { documentClientOf, dynamoDbClient, observeRequests, type DynamoDbRequestObserver } from './dynamodb-client.ts';
import { lazily, once } from './once.ts';
import { sessionKey } from './session-key.ts';
import type { PersonalDataPorts } from './domain/account/personal-data.ts';
import type { AlertPorts, FanOutPorts } from './domain/alerts/ports.ts';
import type { DigestPorts } from './domain/alerts/weekly-digest.ts';
import type { SignInPorts } from './domain/account/sign-in.ts';
import type { BidPorts } from './domain/bids/ports.ts';
import type { ChallengePorts } from './domain/challenges/ports.ts';
import type { DailyLimits } from './domain/daily-allowance.ts';
import type { EvaluationPorts } from './domain/evaluation/ports.ts';
import type { OrganisationPorts } from './domain/organisations/ports.ts';
import type { UnsubscribePorts } from './domain/unsubscribe/ports.ts';
import { signInPortsOf, type SignInSecrets } from './sign-in-ports.ts';

/**
 * The one place that builds the real table adapters from configuration and hands them out as the
 * ports the use cases take (mail-wiring.ts adds SES, for the functions that send email). Handlers
 * and tests take their dependencies from here, so tests run the same wiring against the local parts.
 */
export function createWiring(settings: Config = config()) {
  const dynamodb = once(() => dynamoDbClient(settings));
  const documentClient = once(() => documentClientOf(dynamodb()));
  const table = settings.TABLE_NAME;
  const limits: DailyLimits = {
    memberInvitationsPerOrganisation: settings.MEMBER_INVITATIONS_PER_ORGANISATION_PER_DAY,
    partnerInvitationsPerBid: settings.PARTNER_INVITATIONS_PER_BID_PER_DAY,
    helpRequestsPerBid: settings.HELP_REQUESTS_PER_BID_PER_DAY,
    amendmentsPerChallenge: settings.AMENDMENTS_PER_CHALLENGE_PER_DAY,
  };
  const organisationPorts = once((): OrganisationPorts => ({ store: createOrganisationStore(documentClient(), table, ulid), limits, now: clock.now, newId: ulid }));
  const bidPorts = once((): BidPorts => ({
    challenges: createChallengeStore(documentClient(), table, ulid),
    organisations: organisationPorts().store,
    bids: createBidStore(documentClient(), table, ulid),
    staffEmails: settings.STAFF_EMAILS,
    limits,
    now: clock.now,
    newId: ulid,
  }));
  const evaluationPorts = once((): EvaluationPorts => ({ ...bidPorts(), evaluation: createEvaluationStore(documentClient(), table, ulid) }));
  const accounts = once(() => createAccounts(documentClient(), table, ulid));
  const outbox = once(() => createOutboxStore(documentClient(), table));
  const suppressions = once(() => createSuppressionStore(documentClient(), table));
  const alerts = once(() => createAlertStore(documentClient(), table));
  const alertPorts = once((): AlertPorts => ({ alerts: alerts(), organisations: organisationPorts().store, now: clock.now }));
  const alertRuns = once(() => createAlertRunStore(documentClient(), table));
  const fanOutPorts = once((): FanOutPorts => ({ runs: alertRuns(), alerts: alerts(), audience: alertRuns(), now: clock.now }));
  const digestPorts = once((): DigestPorts => ({ runs: alertRuns(), challenges: bidPorts().challenges, now: clock.now }));
  const mailOptOuts = once(() => createMailOptOutStore(documentClient(), table));
  const unsubscribePorts = once((): UnsubscribePorts => ({
    key: () => sessionKey(settings),
    optOuts: mailOptOuts(),
    alerts: alerts(),
    organisations: organisationPorts().store,
    now: clock.now,
  }));
  const personalDataPorts = once((): PersonalDataPorts => {
    const { store } = organisationPorts();
    return {
      user: accounts().storedUser,
      sessions: accounts().sessionsOf,
      signInCodes: accounts().codesSentTo,
      organisation: async (organisationId) => {
        const organisation = await store.organisation(organisationId);
        return organisation && { ...organisation };
      },
      anonymise: accounts().anonymise,
      scrubOutbox: outbox().scrubRecipient,
      alertPreferences: async (userId) => alerts().preferences(userId),
      forgetAlerts: async (userId) => alerts().forget(userId),
      mailOptOuts: async (email) => mailOptOuts().optOutsOf(email),
      forgetMailOptOuts: async (email) => mailOptOuts().forget(email),
      forgetInvitations: async (email) => {
        for (const { organisationId } of await store.invitationsFor(email)) await store.decline(email, organisationId);
      },
      now: () => new Date(),
    };
  });

  // Each part is built when first read, so a cold start builds only what its routes use.
  return lazily({
    config: () => settings,
    newId: () => ulid,
    accounts,
    outbox,
    /** The addresses no email goes to: they bounced for good or complained. */
    suppressions,
    organisationPorts,
    // The challenges read their bidding through the bids' ports, so both are the same object.
    challengePorts: (): ChallengePorts => bidPorts(),
    bidPorts,
    evaluationPorts,
    personalDataPorts,
    alertPorts,
    /** What an alert run's steps use: the runs, the subscription partitions and who the subscribers are now. */
    fanOutPorts,
    digestPorts,
    alertRuns,
    mailOptOuts,
    unsubscribePorts,
    /** Sign-in's ports, with the secrets and the code's sender its function brings (the mail code stays in that bundle). */
    signInPorts:
      () =>
      (secrets: SignInSecrets): SignInPorts =>
        signInPortsOf(accounts(), settings, ulid, secrets),
    /** Does the table answer a read? (health) */
    tableReachable: () => () => isTableReachable(documentClient(), table),
    /** Tests count the requests a use case makes: the observer is told the name of each DynamoDB command sent from now on. */
    observeDynamoDbRequests: () => (observer: DynamoDbRequestObserver) => observeRequests(dynamodb(), observer),
  });
}

export type Wiring = ReturnType<typeof createWiring>;

let current: Wiring | undefined;

/** The wiring of this process, built at first use (cold start) and kept. */
export function wiring(): Wiring {
  current ??= createWiring();
  return current;
}
