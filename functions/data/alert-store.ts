import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createConversions, Service } from 'electrodb';
import type { AlertPreferences } from '#shared/alerts.ts';
import type { AlertStore, AlertSubscriber, SavedAlertPreferences, Subscriber } from '../domain/alerts/ports.ts';
import { alertPreferencesEntity, type AlertPreferencesItem } from './alert-preferences.entity.ts';
import { alertSubscriptionEntity, type AlertSubscription } from './alert-subscription.entity.ts';
import { checkedCursor, pageOf } from './pages.ts';
import { guardsHeld } from './races.ts';

/** The discipline keys a person's preferences are filed under: each discipline chosen, or `any` when none is. */
export const subscriptionKeys = (preferences: Pick<AlertPreferences, 'disciplines'>) =>
  preferences.disciplines.length ? preferences.disciplines.map((discipline) => `discipline:${discipline}`) : ['discipline:any'];

/** The subscription items that follow from saved preferences: none while alerts are off. */
export function subscriptionsOf(subscriber: Subscriber, preferences: AlertPreferences) {
  const { frequency, minBudgetCents, ...criteria } = preferences;
  if (frequency === 'off') return [];
  return subscriptionKeys(preferences).map((key) => ({
    frequency,
    key,
    ...subscriber,
    ...criteria,
    ...(minBudgetCents === null ? {} : { minBudgetCents }),
  }));
}

// ElectroDB types no list of enum values: the lists were checked against the shared schema before they were saved.
const savedOf = ({ userId: _userId, minBudgetCents, ...rest }: AlertPreferencesItem): SavedAlertPreferences =>
  ({ ...rest, minBudgetCents: minBudgetCents ?? null }) as SavedAlertPreferences;

export function createAlertStore(client: DynamoDBDocumentClient, table: string): AlertStore {
  const preferences = alertPreferencesEntity(client, table);
  const subscriptions = alertSubscriptionEntity(client, table);
  const service = new Service({ preferences, subscriptions }, { client, table });
  const read = async (userId: string) => (await preferences.get({ userId }).go({ consistent: true })).data ?? undefined;

  return {
    async preferences(userId) {
      const item = await read(userId);
      return item && savedOf(item);
    },

    async save(subscriber, chosen, expectedVersion, savedAt) {
      // The items to delete follow from what was saved before: read it, and write only over that version.
      const before = await read(subscriber.userId);
      if ((before?.version ?? 0) !== expectedVersion) return false;
      const current = subscriptionsOf(subscriber, chosen);
      const kept = new Set(current.map(({ frequency, key }) => `${frequency}#${key}`));
      const stale = before ? subscriptionsOf(subscriber, savedOf(before)).filter(({ frequency, key }) => !kept.has(`${frequency}#${key}`)) : [];
      const { minBudgetCents, ...rest } = chosen;
      const item = { userId: subscriber.userId, ...rest, ...(minBudgetCents === null ? {} : { minBudgetCents }), version: expectedVersion + 1, savedAt };
      const result = await service.transaction
        .write(({ preferences: saved, subscriptions: filed }) => [
          before
            ? saved
                .put(item)
                .where(({ version }, { eq }) => eq(version, expectedVersion))
                .commit()
            : saved.create(item).commit(),
          ...stale.map(({ frequency, key, userId }) => filed.delete({ frequency, key, userId }).commit()),
          ...current.map((subscription) => filed.put(subscription).commit()),
        ])
        .go();
      return guardsHeld(result, `Saving the alert preferences of ${subscriber.userId}`);
    },

    async subscribers(frequency, key, page) {
      const query = subscriptions.query.byKey({ frequency, key });
      const cursor = checkedCursor(page.cursor, query);
      const found = await pageOf<AlertSubscription>((options) => query.go(options), createConversions(subscriptions).byAccessPattern.byKey.fromComposite.toCursor, {
        ...page,
        cursor,
      });
      return {
        items: found.items.map(
          ({ frequency: _frequency, key: _key, minBudgetCents, ...rest }): AlertSubscriber => ({ ...rest, minBudgetCents: minBudgetCents ?? null }) as AlertSubscriber,
        ),
        cursor: found.cursor,
      };
    },

    async forget(userId) {
      const before = await read(userId);
      if (!before) return;
      const filed = subscriptionsOf({ userId, email: '' }, savedOf(before));
      await service.transaction
        .write(({ preferences: saved, subscriptions: items }) => [
          saved.delete({ userId }).commit(),
          ...filed.map(({ frequency, key }) => items.delete({ frequency, key, userId }).commit()),
        ])
        .go();
    },
  };
}
