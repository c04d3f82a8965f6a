import type { AlertedChallenge, AlertPreferences, alertRunKinds } from '#shared/alerts.ts';
import type { OwedEmail, Page, PageRequest } from '../kernel.ts';
import type { OrganisationStore, StoredOrganisation, StoredPerson } from '../organisations/ports.ts';

/** Saved preferences with the version a change must name. */
export interface SavedAlertPreferences extends AlertPreferences {
  version: number;
  savedAt: string;
}

/** Who hears of challenges with one discipline (or any) at one frequency, with the rest of their preferences. */
export interface AlertSubscriber extends Omit<AlertPreferences, 'frequency'> {
  userId: string;
  email: string;
  organisationId?: string;
}

/** Whom a subscription item names: the person, their address and their organisation when they saved. */
export interface Subscriber {
  userId: string;
  email: string;
  organisationId?: string;
}

export interface AlertStore {
  preferences(userId: string): Promise<SavedAlertPreferences | undefined>;
  /**
   * Saves the preferences (only if still at `expectedVersion`; 0 when none were saved) with the
   * subscription items that follow from them, replacing the earlier ones: one transaction. False if
   * another change came first.
   */
  save(subscriber: Subscriber, preferences: AlertPreferences, expectedVersion: number, savedAt: string): Promise<boolean>;
  /** One page of the people who hear of challenges with this discipline key (`discipline:<d>` or `discipline:any`). */
  subscribers(frequency: 'immediately' | 'weekly', key: string, page: PageRequest): Promise<Page<AlertSubscriber>>;
  /** Deletes the preferences and every subscription item of the person (erasure). */
  forget(userId: string): Promise<void>;
}

export interface AlertPorts {
  alerts: AlertStore;
  organisations: Pick<OrganisationStore, 'organisation'>;
  now(): Date;
}

/** One alert run (see functions/data/alert-run.entity.ts): what its emails quote, which keys it walks, and its counts. */
export interface AlertRun {
  runId: string;
  kind: (typeof alertRunKinds)[number];
  title: string;
  challengeId?: string;
  frequency: 'immediately' | 'weekly';
  keys: string[];
  challenges: AlertedChallenge[];
  startedAt: string;
  status: 'matching' | 'matched';
  matched: number;
  sent: number;
  suppressed: number;
  failed: number;
  /** The chunk events with a refused recipient, for staff to retry. */
  failedEvents: string[];
}

/** What starts a run: the run as it begins, before any step. */
export type NewAlertRun = Pick<AlertRun, 'runId' | 'kind' | 'title' | 'challengeId' | 'frequency' | 'keys' | 'challenges' | 'startedAt'>;

/** One page of a run still to read: the key at `keyIndex`, from `cursor` (its first page without). */
export interface AlertStep {
  runId: string;
  step: number;
  keyIndex: number;
  cursor?: string;
}

/** One page's emails: one outbox event with at most a page of recipients, each with their own reasons. */
export type AlertChunk = OwedEmail & { type: 'challenge.alert' | 'alerts.digest' };

export interface AlertRunStore {
  run(runId: string): Promise<AlertRun | undefined>;
  /** Starts a run with its first step, only if no run has this id: false if one has (the digest's "once a week"). */
  start(run: NewAlertRun): Promise<boolean>;
  /**
   * Marks the step done, writes its chunk of emails and the next step, and adds the chunk's
   * recipients to the run's matched count (finishing the run when there is no next step): one
   * transaction, only if the step was not done before. False if it was (a replay writes nothing).
   */
  completeStep(step: AlertStep, chunk: AlertChunk | undefined, next: AlertStep | undefined, at: string): Promise<boolean>;
  /** The runs that started most recently first. */
  runs(page: PageRequest): Promise<Page<AlertRun>>;
}

/** Whom a step's subscribers are now: their accounts and organisations, read together for a page. */
export interface AlertAudience {
  people(userIds: readonly string[]): Promise<Map<string, StoredPerson>>;
  organisations(organisationIds: readonly string[]): Promise<Map<string, StoredOrganisation>>;
}

export interface FanOutPorts {
  runs: AlertRunStore;
  alerts: Pick<AlertStore, 'subscribers'>;
  audience: AlertAudience;
  now(): Date;
}
