import { describe, expect, it } from 'vitest';
import { languages } from '#shared/language.ts';
import { renderEmail } from '../layout.ts';
import { amsterdamTime } from './amsterdam-time.ts';
import { challengeAmended } from './challenge-amended.ts';
import { challengeApproved } from './challenge-approved.ts';
import { challengeCancelled } from './challenge-cancelled.ts';
import { challengeChangesRequested } from './challenge-changes-requested.ts';
import { challengeClosed } from './challenge-closed.ts';
import { challengeExample } from './challenge-data.ts';
import { challengeRejected } from './challenge-rejected.ts';
import { challengeSubmitted } from './challenge-submitted.ts';
import { mailTemplates } from './index.ts';
import { challengeUrl, pageUrl } from './links.ts';
import { questionAnswered } from './question-answered.ts';
import type { MailTemplate } from './template.ts';

const siteUrl = 'https://crossover.example';
const { challengeId, challengeTitle } = challengeExample;
const challengePath = `/challenges/${challengeId}`;

/** Every challenge email, with the page its button should open (before the language prefix). */
const challengeTemplates: [MailTemplate, string][] = [
  [challengeSubmitted, '/staff/challenges'],
  [challengeApproved, challengePath],
  [challengeChangesRequested, challengePath],
  [challengeRejected, challengePath],
  [challengeCancelled, '/challenges'],
  [challengeAmended, challengePath],
  [challengeClosed, `${challengePath}/evaluation`],
  [questionAnswered, challengePath],
];

function compose(template: MailTemplate, language: (typeof languages)[number], data: unknown = template.example) {
  const content = template.compose(template.data.parse(data), language, { siteUrl }, template.personalExample);
  return { content, email: renderEmail(content, language), body: [content.heading, ...content.paragraphs].join('\n') };
}

describe('Function: pageUrl and challengeUrl', () => {
  it('keeps Dutch pages at the root and puts English ones under /en', () => {
    expect(pageUrl(siteUrl, 'nl', '/challenges')).toBe(`${siteUrl}/challenges`);
    expect(pageUrl(siteUrl, 'en', '/challenges')).toBe(`${siteUrl}/en/challenges`);
    expect(challengeUrl(siteUrl, 'nl', challengeId)).toBe(`${siteUrl}${challengePath}`);
    expect(challengeUrl(siteUrl, 'en', challengeId)).toBe(`${siteUrl}/en${challengePath}`);
  });
});

describe('Function: amsterdamTime', () => {
  it('shows a UTC time in Amsterdam, summer and winter alike, in the recipient language', () => {
    expect(amsterdamTime('2025-06-13T15:00:00.000Z', 'nl')).toBe('13 juni 2025 om 17:00');
    expect(amsterdamTime('2025-06-13T15:00:00.000Z', 'en')).toBe('13 June 2025 at 17:00');
    expect(amsterdamTime('2025-01-15T15:00:00Z', 'nl')).toBe('15 januari 2025 om 16:00');
  });
});

describe('Challenge mail templates', () => {
  const cases = challengeTemplates.flatMap(([template, path]) => languages.map((language) => [template.type, language, template, path] as const));

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

  it.each(challengeTemplates.map(([template]) => [template.type, template] as const))('%s is registered for the outbox', (type, template) => {
    expect(mailTemplates.get(type)).toBe(template);
  });

  it.each(challengeTemplates.map(([template]) => [template.type, template] as const))('%s refuses data without a challenge id or title', (_type, template) => {
    const example = template.example as Record<string, unknown>;

    expect(template.data.safeParse({ ...example, challengeId: '' }).success).toBe(false);
    expect(template.data.safeParse({ ...example, challengeTitle: undefined }).success).toBe(false);
    expect(template.data.safeParse({ ...example, commissionerName: undefined }).success).toBe(false);
  });

  const requiredFields: [MailTemplate, string][] = [
    [challengeChangesRequested, 'comment'],
    [challengeRejected, 'reason'],
    [challengeCancelled, 'reason'],
    [challengeAmended, 'bidDeadline'],
    [challengeAmended, 'questionDeadline'],
    [challengeAmended, 'addedAttachments'],
    [questionAnswered, 'question'],
    [questionAnswered, 'answer'],
  ];
  it.each(requiredFields.map(([template, field]) => [template.type, field, template] as const))('%s requires %s and says it', (_type, field, template) => {
    const example = template.example as Record<string, unknown>;

    expect(template.data.safeParse({ ...example, [field]: undefined }).success).toBe(false);
    if (typeof example[field] === 'string' && !field.endsWith('Deadline')) {
      for (const language of languages) expect(compose(template, language).body).toContain(example[field]);
    }
  });

  it('challenge.amended shows the new deadlines in Amsterdam time and the attachments added', () => {
    const nl = compose(challengeAmended, 'nl').body;
    const en = compose(challengeAmended, 'en').body;

    expect(nl).toContain('tot 13 juni 2025 om 17:00');
    expect(nl).toContain('tot 6 juni 2025 om 12:00');
    expect(nl).toContain('2 bijlagen');
    expect(en).toContain('until 13 June 2025 at 17:00');
    expect(en).toContain('until 6 June 2025 at 12:00');
    expect(en).toContain('2 attachments');
    expect(en).not.toContain('15:00');
  });

  it('challenge.amended says nothing of attachments when none were added, and one in the singular', () => {
    const none = { ...challengeAmended.example, addedAttachments: 0 };
    const one = { ...challengeAmended.example, addedAttachments: 1 };

    expect(compose(challengeAmended, 'nl', none).body).not.toContain('bijlage');
    expect(compose(challengeAmended, 'en', none).body).not.toContain('attachment');
    expect(compose(challengeAmended, 'nl', one).body).toContain('Er is 1 bijlage toegevoegd.');
    expect(compose(challengeAmended, 'en', one).body).toContain('1 attachment was added.');
  });

  it.each(languages)('challenge.closed (%s) says how many bids came in, and plainly that none did', (language) => {
    const three = compose(challengeClosed, language).body;
    const one = compose(challengeClosed, language, { ...challengeClosed.example, bidCount: 1 }).body;
    const none = compose(challengeClosed, language, { ...challengeClosed.example, bidCount: 0 });

    expect(three).toContain(language === 'nl' ? 'Er zijn 3 biedingen binnengekomen.' : '3 bids came in.');
    expect(one).toContain(language === 'nl' ? 'Er is 1 bieding binnengekomen.' : '1 bid came in.');
    expect(none.content.heading).toBe(language === 'nl' ? 'Er zijn geen biedingen binnengekomen' : 'No bids came in');
    expect(none.body).not.toMatch(/score/i);
  });

  it.each(languages)('challenge.closed (%s) still renders an email owed before it carried the bid count', (language) => {
    const { bidCount: _bidCount, ...withoutCount } = challengeClosed.example;

    const { body } = compose(challengeClosed, language, withoutCount);

    expect(body).toContain(language === 'nl' ? 'De biedingen die zijn binnengekomen, zijn nu geopend' : 'The bids that came in are now unsealed');
  });

  it.each(languages)('question.answered (%s) quotes the question and the answer but never names who asked', (language) => {
    const withAsker = { ...questionAnswered.example, askerOrganisationName: 'Studio Noord', askerName: 'Anna Visser', askerEmail: 'anna@studionoord.nl' };

    const { email, body } = compose(questionAnswered, language, withAsker);

    expect(body).toContain(`“${questionAnswered.example.question}”`);
    expect(body).toContain(`“${questionAnswered.example.answer}”`);
    for (const part of [email.subject, email.text, email.html]) {
      expect(part).not.toMatch(/Studio Noord|Anna Visser|studionoord/);
      expect(part).not.toMatch(/gesteld door|asked by/i);
    }
  });
});
