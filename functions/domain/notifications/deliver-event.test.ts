import { describe, expect, it } from 'vitest';
import type { OutgoingEmail } from '#functions/mail/message.ts';
import { mailTemplates } from '#functions/mail/templates/index.ts';
import { deliverEvent, type DeliveryPorts, type PendingEvent } from './deliver-event.ts';

/** Delivery with everything in memory: what was sent, and how the event ended. */
function deliveryWith(optedOut: string[] = []) {
  const sent: { key: string; email: OutgoingEmail }[] = [];
  const outcome: string[] = [];
  const ports: DeliveryPorts = {
    templates: mailTemplates,
    siteUrl: 'https://crossover.example',
    sendOnce: async (key, email) => {
      sent.push({ key, email });
    },
    noteRecipients: async () => {},
    markDelivered: async () => {
      outcome.push('delivered');
    },
    markFailed: async (_event, reason) => {
      outcome.push(`failed: ${reason}`);
    },
    optedOutAmong: async (emails, kind) => new Set(kind === 'notices' ? emails.map((email) => email.toLowerCase()).filter((email) => optedOut.includes(email)) : []),
    unsubscribeToken: async (email, kind) => `token-${kind}-${email}`,
    suppressedAmong: async () => new Set(),
    noteSuppressed: async () => {},
  };
  return { ports, sent, outcome };
}

const eventOf = (type: string, emails: string[]): PendingEvent => ({
  eventId: 'E1',
  type,
  recipients: emails.map((email) => ({ email, language: 'en' })),
  data: mailTemplates.get(type)!.example,
});

describe('Function: deliverEvent', () => {
  it("gives a notice each recipient's own unsubscribe link and one-click headers", async () => {
    const { ports, sent, outcome } = deliveryWith();

    await deliverEvent(eventOf('question.answered', ['anna@studio.nl', 'bob@studio.nl']), ports);

    expect(outcome).toEqual(['delivered']);
    expect(sent.map(({ email }) => email.headers)).toEqual([
      { 'List-Unsubscribe': '<https://crossover.example/api/unsubscribe/token-notices-anna%40studio.nl>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      { 'List-Unsubscribe': '<https://crossover.example/api/unsubscribe/token-notices-bob%40studio.nl>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    ]);
    expect(sent[0]!.email.text).toContain('https://crossover.example/en/unsubscribe?token=token-notices-anna%40studio.nl');
  });

  it('skips a recipient who stopped notices, without failing the event, and still sends to the others', async () => {
    const { ports, sent, outcome } = deliveryWith(['anna@studio.nl']);

    await deliverEvent(eventOf('challenge.amended', ['Anna@Studio.nl', 'bob@studio.nl']), ports);

    expect(sent.map(({ email }) => email.to.email)).toEqual(['bob@studio.nl']);
    expect(outcome).toEqual(['delivered']);
  });

  it('sends a transactional email to everyone, without a link or headers', async () => {
    const { ports, sent } = deliveryWith(['anna@studio.nl']);

    await deliverEvent(eventOf('bid.awarded', ['anna@studio.nl']), ports);

    expect(sent).toHaveLength(1);
    expect(sent[0]!.email.headers).toBeUndefined();
    expect(sent[0]!.email.text).not.toContain('unsubscribe');
  });
});
