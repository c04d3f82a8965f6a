import type { AlertPreferences } from '#shared/alerts.ts';
import type { Page, PageRequest } from '../kernel.ts';
import type { OrganisationStore } from '../organisations/ports.ts';

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
