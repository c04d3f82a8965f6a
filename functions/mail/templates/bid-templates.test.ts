import { describe, expect, it } from 'vitest';
import { languages, type Language } from '#shared/language.ts';
import { renderEmail } from '../layout.ts';
import { bidAwarded } from './bid-awarded.ts';
import { bidDeadlineReminder } from './bid-deadline-reminder.ts';
import { bidHelpRequested } from './bid-help-requested.ts';
import { bidNotSelected } from './bid-not-selected.ts';
import { bidShortlisted } from './bid-shortlisted.ts';
import { bidSubmitted } from './bid-submitted.ts';
import { bidExample } from './bid-data.ts';
import { challengeNoAward } from './challenge-no-award.ts';
import { consortiumConfirmed } from './consortium-confirmed.ts';
import { consortiumDeclined } from './consortium-declined.ts';
import { consortiumInvited } from './consortium-invited.ts';
import { euros } from './euros.ts';
import { mailTemplates } from './index.ts';
import { bidUrl, evaluationUrl } from './links.ts';
import type { MailTemplate } from './template.ts';

const siteUrl = 'https://crossover.example';
const { bidId, challengeId, challengeTitle, commissionerName } = bidExample;
const bidPath = `/bids/${bidId}`;

/** Every email about bids, with the page its button should open (before the language prefix). */
const bidTemplates: [MailTemplate, string][] = [
  [bidSubmitted, bidPath],
  [bidDeadlineReminder, '/dashboard'],
  [bidShortlisted, bidPath],
  [bidAwarded, bidPath],
  [bidNotSelected, '/dashboard'],
  [challengeNoAward, '/dashboard'],
  [consortiumInvited, bidPath],
  [consortiumConfirmed, bidPath],
  [consortiumDeclined, bidPath],
  [bidHelpRequested, bidPath],
];

function compose(template: MailTemplate, language: Language, data: unknown = template.example) {
  const content = template.compose(template.data.parse(data), language, { siteUrl }, template.personalExample);
  const email = renderEmail(content, language);
  return { content, email, body: [content.heading, ...content.paragraphs].join('\n') };
}

describe('Function: bidUrl and evaluationUrl', () => {
  it('open the bid and the evaluation page, Dutch at the root and English under /en', () => {
    expect(bidUrl(siteUrl, 'nl', bidId)).toBe(`${siteUrl}${bidPath}`);
    expect(bidUrl(siteUrl, 'en', bidId)).toBe(`${siteUrl}/en${bidPath}`);
    expect(evaluationUrl(siteUrl, 'nl', challengeId)).toBe(`${siteUrl}/challenges/${challengeId}/evaluation`);
    expect(evaluationUrl(siteUrl, 'en', challengeId)).toBe(`${siteUrl}/en/challenges/${challengeId}/evaluation`);
  });
});

describe('Function: euros', () => {
  // Dutch puts a no-break space between the sign and the amount.
  it('writes whole euros without cents and other amounts with them, in the recipient language', () => {
    expect(euros(150_000, 'nl')).toBe('€\u00a01.500');
    expect(euros(150_000, 'en')).toBe('€1,500');
    expect(euros(150_050, 'nl')).toBe('€\u00a01.500,50');
  });
});

describe('Bid mail templates', () => {
  const cases = bidTemplates.flatMap(([template, path]) => languages.map((language) => [template.type, language, template, path] as const));

  it.each(cases)('%s (%s) names the challenge and links to the page in that language', (_type, language, template, path) => {
    const { content, email, body } = compose(template, language);

    const url = `${siteUrl}${language === 'en' ? '/en' : ''}${path}`;
    expect(content.subject).toContain(challengeTitle);
    expect(body).toContain(challengeTitle);
    expect(content.action?.url).toBe(url);
    expect(email.text).toContain(url);
    expect(email.html).toContain(`href="${url}"`);
    expect(email.html).toContain(`<html lang="${language}">`);
  });

  it.each(cases)('%s (%s) is written in the recipient language', (_type, language, template) => {
    const { content } = compose(template, language);
    const other = compose(template, language === 'nl' ? 'en' : 'nl').content;

    expect(content.subject).not.toBe(other.subject);
    expect(content.heading).not.toBe(other.heading);
    expect(content.action?.label).not.toBe(other.action?.label);
  });

  it.each(bidTemplates.map(([template]) => [template.type, template] as const))('%s is registered for the outbox', (type, template) => {
    expect(mailTemplates.get(type)).toBe(template);
  });

  it.each(bidTemplates.map(([template]) => [template.type, template] as const))('%s refuses data without its challenge', (_type, template) => {
    const example = template.example as Record<string, unknown>;

    expect(template.data.safeParse({ ...example, challengeId: '' }).success).toBe(false);
    expect(template.data.safeParse({ ...example, challengeTitle: undefined }).success).toBe(false);
    expect(template.data.safeParse({ ...example, commissionerName: undefined }).success).toBe(false);
  });

  /** The data each email needs besides its challenge; the text ones it must quote. */
  const requiredFields: [MailTemplate, string][] = [
    [bidSubmitted, 'bidId'],
    [bidSubmitted, 'sealedAt'],
    [bidSubmitted, 'digest'],
    [bidDeadlineReminder, 'bidDeadline'],
    [bidShortlisted, 'bidId'],
    [bidShortlisted, 'pitchFeeCents'],
    [bidAwarded, 'bidId'],
    [bidNotSelected, 'feedback'],
    [challengeNoAward, 'reason'],
    [consortiumInvited, 'bidId'],
    [consortiumInvited, 'leadName'],
    [consortiumInvited, 'role'],
    [consortiumInvited, 'sharePercent'],
    [consortiumConfirmed, 'partnerName'],
    [consortiumDeclined, 'partnerName'],
    [bidHelpRequested, 'bidId'],
    [bidHelpRequested, 'firmName'],
    [bidHelpRequested, 'message'],
  ];
  it.each(requiredFields.map(([template, field]) => [template.type, field, template] as const))('%s requires %s and says it', (_type, field, template) => {
    const example = template.example as Record<string, unknown>;

    expect(template.data.safeParse({ ...example, [field]: undefined }).success).toBe(false);
    const value = example[field];
    if (typeof value === 'string' && !['bidId', 'sealedAt', 'bidDeadline'].includes(field)) {
      for (const language of languages) {
        const { body, email } = compose(template, language);
        expect(body).toContain(value);
        expect(email.text).toContain(value);
      }
    }
  });

  it.each(languages)('bid.submitted (%s) is a receipt: the sealed time in Amsterdam time, the digest, and what they prove', (language) => {
    const { content, email, body } = compose(bidSubmitted, language);

    // 09:41 UTC on a June day is 11:41 in Amsterdam.
    expect(body).toContain(language === 'nl' ? 'op 12 juni 2025 om 11:41 (Nederlandse tijd)' : 'on 12 June 2025 at 11:41 (Amsterdam time)');
    expect(body).toContain('SHA-256');
    expect(email.html).toContain(bidSubmitted.example.digest);
    expect(content.subject).toMatch(language === 'nl' ? /Ontvangstbewijs/ : /Receipt/);
    expect(body).toMatch(language === 'nl' ? /bewijzen dat uw bedrijf deze bieding heeft geschreven, en wanneer/ : /prove that your firm wrote this bid, and when/);
  });

  it('bid.submitted refuses a digest that is not a SHA-256 hex digest', () => {
    expect(bidSubmitted.data.safeParse({ ...bidSubmitted.example, digest: 'abc' }).success).toBe(false);
    expect(bidSubmitted.data.safeParse({ ...bidSubmitted.example, digest: bidSubmitted.example.digest.toUpperCase() }).success).toBe(false);
  });

  it.each(languages)('bid.deadline_reminder (%s) gives the deadline in Amsterdam time', (language) => {
    expect(compose(bidDeadlineReminder, language).body).toContain(
      language === 'nl' ? 'tot 13 juni 2025 om 17:00 (Nederlandse tijd)' : 'until 13 June 2025 at 17:00 (Amsterdam time)',
    );
  });

  it.each(languages)('bid.shortlisted (%s) mentions the pitch fee only when there is one', (language) => {
    const withFee = compose(bidShortlisted, language).body;
    const withoutFee = compose(bidShortlisted, language, { ...bidShortlisted.example, pitchFeeCents: 0 }).body;

    expect(withFee).toContain(language === 'nl' ? 'een vergoeding van €\u00a01.500.' : 'a fee of €1,500.');
    expect(withoutFee).not.toMatch(/vergoeding|fee|€/);
  });

  it.each(languages)('bid.not_selected (%s) passes on the feedback and points every recipient to their debrief', (language) => {
    const { body } = compose(bidNotSelected, language);

    expect(body).toContain(bidNotSelected.example.feedback);
    expect(body).toMatch(language === 'nl' ? /terugkoppeling/ : /debrief/);
    expect(body).toContain(commissionerName);
  });

  it.each(languages)('consortium.invited (%s) names the lead, the role and the share', (language) => {
    const { content, body } = compose(consortiumInvited, language);

    expect(content.subject).toContain('Studio Noord');
    expect(body).toContain(`${language === 'nl' ? 'Uw rol' : 'Your role'}: ${consortiumInvited.example.role}`);
    expect(body).toContain('30%');
  });

  it.each(languages)('consortium.declined (%s) tells the lead to take the partner out before submitting', (language) => {
    expect(compose(consortiumDeclined, language).body).toMatch(language === 'nl' ? /Haal deze partner uit uw bieding/ : /Take this partner out of your bid/);
  });

  it('escapes what firms and commissioners wrote in the HTML part', () => {
    const { email } = compose(bidHelpRequested, 'en', { ...bidHelpRequested.example, message: 'Is <b>this</b> within budget?' });

    expect(email.html).toContain('Is &lt;b&gt;this&lt;/b&gt; within budget?');
    expect(email.text).toContain('Is <b>this</b> within budget?');
  });
});
