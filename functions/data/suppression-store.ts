import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createConversions } from 'electrodb';
import type { SuppressionEntry, SuppressionStore } from '../domain/notifications/suppressions.ts';
import { checkedCursor, pageOf } from './pages.ts';
import { suppressionEntity, type Suppression } from './suppression.entity.ts';

const entryOf = ({ email, reason, detail, suppressedAt, sesMessageId }: Suppression): SuppressionEntry => ({ email, reason, detail, suppressedAt, sesMessageId });

/** The suppression list: one item per address, lower-cased. */
export function createSuppressionStore(client: DynamoDBDocumentClient, table: string): SuppressionStore {
  const suppressions = suppressionEntity(client, table);

  return {
    // A Put, so a notification delivered twice (SNS retries) writes the same item twice.
    async suppress(entries) {
      if (entries.length) await suppressions.put(entries.map((entry) => ({ ...entry, email: entry.email.toLowerCase() }))).go();
    },

    async suppressedAmong(emails) {
      const addresses = [...new Set(emails.map((email) => email.toLowerCase()))];
      if (!addresses.length) return new Set();
      const { data, unprocessed } = await suppressions.get(addresses.map((email) => ({ email }))).go({ consistent: true });
      // What DynamoDB left unread is unknown: better to stop the send (it is retried) than to mail a suppressed address.
      if (unprocessed.length) throw new Error(`The suppression list could not be read for ${unprocessed.length} addresses`);
      return new Set(data.map(({ email }) => email));
    },

    async list(page) {
      const query = suppressions.query.newest({});
      const cursor = checkedCursor(page.cursor, query);
      const found = await pageOf<Suppression>((options) => query.go({ ...options, order: 'desc' }), createConversions(suppressions).byAccessPattern.newest.fromComposite.toCursor, {
        ...page,
        cursor,
      });
      return { items: found.items.map(entryOf), cursor: found.cursor };
    },

    async lift(email) {
      const { data } = await suppressions.delete({ email: email.toLowerCase() }).go({ response: 'all_old' });
      return data !== null && data !== undefined;
    },
  };
}
