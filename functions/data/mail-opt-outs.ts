import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { unsubscribeKinds } from '#shared/unsubscribe.ts';
import type { MailOptOutStore } from '../domain/unsubscribe/ports.ts';
import { mailOptOutEntity } from './mail-opt-out.entity.ts';

export function createMailOptOutStore(client: DynamoDBDocumentClient, table: string): MailOptOutStore {
  const optOuts = mailOptOutEntity(client, table);
  const everyKind = (email: string) => unsubscribeKinds.map((kind) => ({ email: email.toLowerCase(), kind }));

  return {
    // Which of these recipients stopped this kind of email? (the outbox dispatcher, before it sends)
    async optedOutAmong(emails, kind) {
      const keys = [...new Set(emails.map((email) => email.toLowerCase()))].map((email) => ({ email, kind }));
      if (!keys.length) return new Set();
      const { data } = await optOuts.get(keys).go({ consistent: true });
      return new Set(data.map(({ email }) => email));
    },

    async optOut(email, kind, at) {
      await optOuts.put({ email: email.toLowerCase(), kind, optedOutAt: at }).go();
    },

    async optIn(email, kind) {
      await optOuts.delete({ email: email.toLowerCase(), kind }).go();
    },

    // Which kinds of email did this address stop? Every kind by key, so the read stays two items.
    async optOutsOf(email) {
      const { data } = await optOuts.get(everyKind(email)).go({ consistent: true });
      return data.map(({ kind, optedOutAt }) => ({ kind, optedOutAt }));
    },

    async forget(email) {
      await optOuts.delete(everyKind(email)).go();
    },
  };
}
