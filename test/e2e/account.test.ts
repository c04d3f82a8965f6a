import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations } from '../helpers/browser.ts';
import { signInThroughPage } from '../helpers/browser-sign-in.ts';
import { startStackAndBrowser, type LocalStack } from '../helpers/local-stack.ts';

/** Lotte runs the demo's fashion-tech firm Draadwerk: her profile suggests her alerts until she saves her own. */
describe('End to end: a firm member’s account page, from alert preferences to erasure', { timeout: 120_000 }, () => {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'crossover-e2e-account-'));
  let stack: LocalStack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ stack, browser } = await startStackAndBrowser(dataDirectory));
    page = await (await browser.newContext()).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  const alerts = () => page.getByTestId('account-alerts');
  const ticked = (name: string, value: string) => alerts().locator(`input[name="${name}"][value="${value}"]`).isChecked();

  it('opens the account page from the account menu and shows the suggestion from the firm’s profile', async () => {
    await signInThroughPage(page, stack, 'lotte@draadwerk.example');
    await page.getByTestId('account-link').click();

    await page.waitForURL(`${stack.url}/en/account`);
    await expect.poll(() => page.getByTestId('alerts-suggestion').getAttribute('data-from')).toBe('firmProfile');
    expect(await page.getByTestId('alerts-suggestion').textContent()).toContain('Nothing is sent until you save');
    expect(await ticked('disciplines', 'fashion_tech')).toBe(true);
    expect(await ticked('sectors', 'retail')).toBe(true);
  });

  it('says beside the field when the minimum budget is not an amount', async () => {
    await alerts().getByLabel('Minimum budget').fill('ten thousand');
    await page.getByRole('button', { name: 'Save alert preferences' }).click();

    expect(await page.locator('#alerts-minBudget-error').textContent()).toBe('Type an amount in euros, such as 10000.');
    expect(await alerts().getByLabel('Minimum budget').getAttribute('aria-invalid')).toBe('true');
  });

  it('saves alert preferences, which are still there after a reload', async () => {
    await alerts().getByLabel('Immediately').check();
    await alerts().getByLabel('Haarlem', { exact: true }).check();
    await alerts().getByLabel('Minimum budget').fill('10000');
    await page.getByRole('button', { name: 'Save alert preferences' }).click();
    await page.getByText('Your alert preferences are saved.').waitFor();

    await page.reload();
    await expect.poll(() => ticked('municipalities', 'GM0392')).toBe(true);
    expect(await page.getByTestId('alerts-suggestion').count()).toBe(0);
    expect(await ticked('frequency', 'immediately')).toBe(true);
    expect(await ticked('disciplines', 'fashion_tech')).toBe(true);
    expect(await alerts().getByLabel('Minimum budget').inputValue()).toBe('10000');
  });

  it('changes the person’s name, which the account menu then shows', async () => {
    await page.getByLabel('Your name').fill('Lotte Smit-de Wit');
    await page.getByRole('button', { name: 'Save name and language' }).click();

    await page.getByText('Saved.', { exact: true }).waitFor();
    expect(await page.getByTestId('account-menu').textContent()).toContain('Lotte Smit-de Wit');
  });

  // Dutch is the base language: its pages have no prefix.
  it.each([
    ['English', '/en', 'Your account'],
    ['Dutch', '', 'Uw account'],
  ])('has no accessibility violation in %s', async (_, prefix, title) => {
    await page.goto(`${stack.url}${prefix}/account`);
    await alerts().locator('input[name="municipalities"]').first().waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('erases the account after a confirmation step, which signs the person out', async () => {
    await page.goto(`${stack.url}/en/account`);
    await page.getByRole('button', { name: 'Erase my account' }).click();
    await page.getByText('Really erase your account?').waitFor();
    await page.getByTestId('erase-confirm').click();

    await page.getByTestId('account-erased').waitFor();
    await page.getByTestId('sign-in-link').waitFor();
    const session = (await page.evaluate(async () => (await fetch('/api/session')).json())) as { me: unknown };
    expect(session.me).toBeNull();
  });
});
