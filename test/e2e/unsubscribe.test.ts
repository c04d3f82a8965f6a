import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUnsubscribeToken } from '#functions/domain/unsubscribe/token.ts';
import { accessibilityViolations } from '../helpers/browser.ts';
import { startStackAndBrowser, type LocalStack } from '../helpers/local-stack.ts';

/** Joost, of the demo's firm Beeldtaal, follows the link at the foot of a notice about a challenge: no sign-in needed. */
describe('End to end: changing or stopping emails from the link in them', { timeout: 120_000 }, () => {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'crossover-e2e-unsubscribe-'));
  const email = 'joost@beeldtaal.example';
  let stack: LocalStack;
  let browser: Browser;
  let page: Page;
  let token: string;

  beforeAll(async () => {
    ({ stack, browser } = await startStackAndBrowser(dataDirectory));
    page = await (await browser.newContext()).newPage();
    // The stack keeps its session key in its data directory: the link is signed as the dispatcher signs it.
    token = await signUnsubscribeToken({ email, kind: 'notices' }, new TextEncoder().encode(readFileSync(join(dataDirectory, 'session-key'), 'utf8').trim()));
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  const open = async (prefix: string) => {
    await page.goto(`${stack.url}${prefix}/unsubscribe?token=${encodeURIComponent(token)}`);
    await page.getByTestId('stop-all').waitFor();
  };
  const notices = () => page.getByRole('checkbox', { name: /reminders and news/ });

  it('shows the address of the link and what it receives, without signing in', async () => {
    await open('/en');

    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Your emails from Crossover');
    expect(await page.getByTestId('unsubscribe').textContent()).toContain(email);
    expect(await notices().isChecked()).toBe(true);
  });

  it('stops every such email with the big button, from the keyboard, and says so', async () => {
    await page.getByTestId('stop-all').focus();
    await page.keyboard.press('Enter');

    await page.getByText(`Done: ${email} gets no more alerts`).waitFor();
    expect(await notices().isChecked()).toBe(false);
    expect(await page.getByRole('radio', { name: /^Off/ }).isChecked()).toBe(true);
    await page.reload();
    await page.getByTestId('stop-all').waitFor();
    expect(await notices().isChecked()).toBe(false);
  });

  it('turns notices back on and chooses a weekly digest, from the keyboard', async () => {
    await page.getByRole('radio', { name: /^Weekly digest/ }).focus();
    await page.keyboard.press('Space');
    await notices().focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Save my choices' }).focus();
    await page.keyboard.press('Enter');

    await page.getByText(`Saved: ${email} now gets a weekly digest of new challenges and notices about followed challenges.`).waitFor();
    await page.reload();
    await page.getByTestId('stop-all').waitFor();
    expect(await notices().isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: /^Weekly digest/ }).isChecked()).toBe(true);
  });

  it('says plainly when the link does not work', async () => {
    await page.goto(`${stack.url}/en/unsubscribe?token=${encodeURIComponent(token.slice(0, -4))}AAAA`);

    await page.getByTestId('unsubscribe-invalid').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('This link does not work');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  // Dutch is the base language: its pages have no prefix.
  it.each([
    ['English', '/en', 'Your emails from Crossover'],
    ['Dutch', '', 'Uw e-mails van Crossover'],
  ])('has no accessibility violation in %s', async (_, prefix, title) => {
    await open(prefix);

    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
