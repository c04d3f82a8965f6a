import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '#shared/language.ts';
import { renderEmail } from '#functions/mail/layout.ts';
import { alertsDigest } from '#functions/mail/templates/alerts-digest.ts';
import { challengeAlert } from '#functions/mail/templates/challenge-alert.ts';
import { challengeUrl } from '#functions/mail/templates/links.ts';
import { launchChromium } from '../helpers/browser.ts';

const siteUrl = 'https://crossover.example';
const screenshots = resolve(import.meta.dirname, '../../test-results/alert-emails');
const because: Record<Language, string> = { nl: 'Waarom u dit krijgt:', en: 'Why you get this:' };

/** Each alert template's example, for one language, as its recipient gets it. */
function rendered(template: typeof challengeAlert | typeof alertsDigest, language: Language) {
  const data = template.data.parse(template.example);
  const personal = template.personal.parse(template.personalExample);
  const content = template.compose(data, language, { siteUrl }, personal);
  const quoted = personal.matches.map(({ challenge }) => data.challenges[challenge]!);
  return { email: renderEmail(content, language), quoted };
}

const cases = (['nl', 'en'] as const).flatMap((language) => [
  { name: `challenge alert (${language})`, file: `challenge-alert-${language}`, template: challengeAlert, language },
  { name: `weekly digest (${language})`, file: `alerts-digest-${language}`, template: alertsDigest, language },
]);

describe('Alert emails as a phone shows them: a heading, each challenge linked with why it came, nothing wider than the screen', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    // Offline: an email's page must show without fetching anything.
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, offline: true });
    page = await context.newPage();
    mkdirSync(screenshots, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(cases)('renders the $name in Chromium 375 px wide', async ({ file, template, language }) => {
    // Prepare
    const { email, quoted } = rendered(template, language);

    // Act
    await page.setContent(email.html, { waitUntil: 'load' });
    await page.screenshot({ path: join(screenshots, `${file}.png`), fullPage: true });

    // Assess: one heading; each quoted challenge's title links to its page, and why it came shows under it.
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    for (const challenge of quoted) {
      const link = page.getByRole('link', { name: challenge.title, exact: true });
      expect(await link.getAttribute('href')).toBe(challengeUrl(siteUrl, language, challenge.challengeId));
      expect(await link.isVisible()).toBe(true);
    }
    const reasons = page.getByText(because[language]);
    expect(await reasons.count()).toBe(quoted.length);
    for (const reason of await reasons.all()) expect(await reason.isVisible()).toBe(true);
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= document.documentElement.clientWidth')).toBe(true);
    expect(await page.evaluate<number>('document.body.scrollWidth')).toBeLessThanOrEqual(375);
  });

  it.each(cases)('gives the $name a plain-text part that says the same, each link on a line of its own', ({ template, language }) => {
    const { email, quoted } = rendered(template, language);
    const lines = email.text.split('\n');

    for (const challenge of quoted) {
      expect(lines).toContain(challenge.title);
      expect(lines).toContain(challengeUrl(siteUrl, language, challenge.challengeId));
    }
    expect(lines.filter((line) => line.startsWith(because[language]))).toHaveLength(quoted.length);
    expect(email.text).not.toMatch(/<[a-z]|&[a-z]+;/);
    expect(Math.max(...lines.filter((line) => !line.includes('://')).map((line) => line.length))).toBeLessThanOrEqual(200);
  });
});
