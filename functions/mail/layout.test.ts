import { describe, expect, it } from 'vitest';
import { renderEmail } from './layout.ts';
import { mailTemplates } from './templates/index.ts';
import { signInCode } from './templates/sign-in-code.ts';
import type { MailTemplate } from './templates/template.ts';

describe('Function: renderEmail', () => {
  it('escapes every value in the HTML part and keeps it verbatim in the text part', () => {
    const email = renderEmail({ subject: 'S', heading: 'Studio <b>"Noord"</b>', paragraphs: ['Tom & Jerry'], action: { label: 'Open', url: 'https://x.nl/?a=1&b=2' } }, 'en');

    expect(email.html).toContain('Studio &lt;b&gt;&quot;Noord&quot;&lt;/b&gt;');
    expect(email.html).toContain('Tom &amp; Jerry');
    expect(email.html).toContain('href="https://x.nl/?a=1&amp;b=2"');
    expect(email.html).not.toContain('<b>');
    expect(email.text).toContain('Studio <b>"Noord"</b>');
    expect(email.text).toContain('Open: https://x.nl/?a=1&b=2');
  });

  it('writes the footer and the html lang in the recipient language', () => {
    const content = { subject: 'S', heading: 'H', paragraphs: [] };

    expect(renderEmail(content, 'nl').html).toContain('<html lang="nl">');
    expect(renderEmail(content, 'nl').text).toContain('opdrachtenmarktplaats');
    expect(renderEmail(content, 'en').text).toContain('commissioning marketplace');
  });

  it('links a non-transactional email to its unsubscribe page in both parts, and a transactional one nowhere', () => {
    const content = { subject: 'S', heading: 'H', paragraphs: ['P'] };
    const unsubscribeUrl = 'https://crossover.example/en/unsubscribe?token=a.b.c';

    const notice = renderEmail(content, 'en', { unsubscribeUrl });
    const transactional = renderEmail(content, 'en');

    expect(notice.html).toContain(`href="${unsubscribeUrl}"`);
    expect(notice.html).toContain('Change or stop these emails');
    expect(notice.text).toContain(`Change or stop these emails: ${unsubscribeUrl}`);
    expect(renderEmail(content, 'nl', { unsubscribeUrl }).text).toContain('Deze e-mails niet meer ontvangen of aanpassen');
    expect(transactional.html).not.toContain('unsubscribe');
    expect(transactional.text).not.toContain('unsubscribe');
  });
});

describe('Mail templates', () => {
  const everyTemplate: MailTemplate[] = [...mailTemplates.values(), signInCode];

  it('marks the reminders and notices about followed challenges as notices, and leaves every other email transactional', () => {
    const nonTransactional = Object.fromEntries(everyTemplate.filter((template) => template.unsubscribe).map((template) => [template.type, template.unsubscribe]));
    const transactional = everyTemplate.filter((template) => !template.unsubscribe).map((template) => template.type);

    expect(nonTransactional).toMatchObject({ 'bid.deadline_reminder': 'notices', 'question.answered': 'notices', 'challenge.amended': 'notices' });
    expect(transactional).toEqual(
      expect.arrayContaining([
        'account.sign-in-code',
        'bid.submitted',
        'bid.awarded',
        'organisation.verified',
        'organisation.rejected',
        'organisation.suspended',
        'organisation.invitation',
      ]),
    );
  });

  it.each(everyTemplate.map((template) => [template.type, template] as const))(
    '%s says different things in Dutch and English, with subject, heading and text',
    (_type, template) => {
      const data = template.data.parse(template.example);

      const nl = template.compose(data, 'nl', { siteUrl: 'http://localhost:3000' }, template.personalExample);
      const en = template.compose(data, 'en', { siteUrl: 'http://localhost:3000' }, template.personalExample);

      expect(nl.subject).not.toBe(en.subject);
      for (const content of [nl, en]) {
        expect(content.subject.length).toBeGreaterThan(5);
        expect(content.heading.length).toBeGreaterThan(5);
        expect(content.paragraphs.length).toBeGreaterThan(0);
      }
    },
  );
});
