import { describe, expect, it } from 'vitest';
import { renderEmail } from './layout.ts';
import { unsubscribeParts } from './list-unsubscribe.ts';
import { composeMime } from './ses-mailer.ts';

const content = { subject: 'Nieuw antwoord', heading: 'Er is een vraag beantwoord', paragraphs: ['Ja.'] };
const to = { email: 'anna@studio.nl', language: 'nl' as const };
const from = 'Crossover <noreply@crossover.example>';

/** The message's header block, unfolded (a long header continues on lines that start with a space). */
const headersOf = (mime: Buffer) =>
  mime
    .toString('utf8')
    .split('\r\n\r\n')[0]!
    .replace(/\r\n[ \t]+/g, ' ')
    .split('\r\n');

describe('Function: composeMime', () => {
  it('carries the one-click unsubscribe headers (RFC 8058) of a non-transactional email', async () => {
    const unsubscribe = unsubscribeParts('https://crossover.example', 'nl', 'the.token.here');

    const headers = headersOf(await composeMime({ ...renderEmail(content, 'nl', unsubscribe.layout), to, headers: unsubscribe.headers }, from));

    expect(headers).toContain('List-Unsubscribe: <https://crossover.example/api/unsubscribe/the.token.here>');
    expect(headers).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(headers).toContain('Content-Language: nl');
  });

  it('has no List-Unsubscribe header on a transactional email', async () => {
    const headers = headersOf(await composeMime({ ...renderEmail(content, 'nl'), to }, from));

    expect(headers.filter((header) => /^List-Unsubscribe/i.test(header))).toEqual([]);
  });
});
