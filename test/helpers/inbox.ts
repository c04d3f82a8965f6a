import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';

/**
 * One email as aws-ses-v2-local keeps it (`GET /store`). For mail sent with SendRawEmail it is
 * parsed from the MIME message: `to`/`cc`/`bcc` hold the header text (`"Ann" <ann@x.nl>, bob@y.nl`),
 * the envelope `Destinations` are not kept, and neither are the message's headers (`headers` is
 * only filled for SES v2 simple or templated sends).
 */
export interface InboxEmail {
  messageId: string;
  from: string;
  replyTo: string[];
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { html?: string; text?: string };
  attachments: { content: string; contentType: string; filename?: string; size: number }[];
  headers?: { name: string; value: string }[];
  /** When it was sent, epoch seconds. */
  at: number;
}

export interface Inbox {
  /** Every email sent in this test run, oldest first. */
  all(): Promise<InboxEmail[]>;
  /** The emails with this address among their recipients (to, cc or bcc), oldest first. */
  to(address: string): Promise<InboxEmail[]>;
  /** The first email that matches, once it has arrived; rejects after the timeout. */
  waitFor(predicate: (email: InboxEmail) => boolean, options?: { timeoutMs?: number }): Promise<InboxEmail>;
  /** Empties the store for the whole run, other test files included: prefer unique addresses per test. */
  clear(): Promise<void>;
}

/** The SES stand-in's store; by default the one the test run's global setup started. */
export function createInbox(endpoint: string = inject('sesEndpoint')): Inbox {
  const all = async (): Promise<InboxEmail[]> => {
    const response = await fetch(`${endpoint}/store`);
    if (!response.ok) throw new Error(`The inbox answered ${response.status}`);
    return ((await response.json()) as { emails: InboxEmail[] }).emails;
  };

  return {
    all,
    async to(address) {
      return (await all()).filter((email) => recipients(email).includes(address.toLowerCase()));
    },
    async waitFor(predicate, { timeoutMs = 10_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = (await all()).find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`No matching email arrived within ${timeoutMs} ms`);
        await sleep(100);
      }
    },
    async clear() {
      const response = await fetch(`${endpoint}/clear-store`, { method: 'POST' });
      if (!response.ok) throw new Error(`Clearing the inbox failed: ${response.status}`);
    },
  };
}

/** Every address an email went to, lower-cased, taken out of the header text. */
export function recipients(email: InboxEmail): string[] {
  const { to, cc, bcc } = email.destination;
  return [...to, ...cc, ...bcc].flatMap((text) => text.match(/[^\s<>,"]+@[^\s<>,"]+/g) ?? []).map((address) => address.toLowerCase());
}
