import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations } from '../helpers/browser.ts';
import { createInbox } from '../helpers/inbox.ts';
import { startStackAndBrowser, type LocalStack } from '../helpers/local-stack.ts';

describe('End to end: the landing page on the real local stack, in Chromium', () => {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'crossover-e2e-'));
  let stack: LocalStack;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    ({ stack, browser } = await startStackAndBrowser(dataDirectory));
    page = await (await browser.newContext()).newPage();
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(`${message.text()} at ${message.location().url}`));
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  it('shows Crossover in Dutch with the API reported healthy, and no accessibility violations', async () => {
    await page.goto(stack.url);

    // The first health check wakes the system function and probes the table; on a loaded machine that outlasts the poll's 1 s default.
    await expect.poll(() => page.getByTestId('health-status').getAttribute('data-status'), { timeout: 15_000 }).toBe('ok');
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBeTruthy();
    expect(await page.getByTestId('health-version').textContent()).toMatch(/\d+\.\d+\.\d+/);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('switches to English with the language switch and keeps English on the page, accessibly', async () => {
    await page.goto(stack.url);
    const dutchHeading = await page.getByRole('heading', { level: 1 }).textContent();

    await page
      .getByTestId('language-switch')
      .getByRole('link', { name: /english/i })
      .click();

    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    // The switch's link may end in a slash (/en/); the router then settles on /en.
    await expect.poll(() => new URL(page.url()).pathname).toBe('/en');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).not.toBe(dutchHeading);
    // The first health check wakes the system function and probes the table; on a loaded machine that outlasts the poll's 1 s default.
    await expect.poll(() => page.getByTestId('health-status').getAttribute('data-status'), { timeout: 15_000 }).toBe('ok');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('offers a skip link as the first stop of the keyboard, leading to the main content', async () => {
    await page.goto(`${stack.url}/en`);
    await page.getByRole('heading', { level: 1 }).waitFor();

    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await focused.getAttribute('href')).toBe('#main');
    await page.keyboard.press('Enter');

    expect(new URL(page.url()).hash).toBe('#main');
    expect(await page.locator('main#main').count()).toBe(1);
  });

  it('answers a page that does not exist with a bilingual 404 page and a way home', async () => {
    await page.goto(`${stack.url}/en/no-such-page`);

    const errorPage = page.getByTestId('error-page');
    expect(await errorPage.getAttribute('data-status')).toBe('404');
    expect(await errorPage.getByRole('link').first().getAttribute('href')).toMatch(/^\/en\/?$|^\/$/);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('serves the API reference, generated from the route table, at /api/docs', async () => {
    await page.goto(`${stack.url}/api/docs`);

    await expect.poll(() => page.locator('.swagger-ui .title').first().textContent(), { timeout: 15_000 }).toContain('Crossover API');
    expect(await page.locator('.opblock-summary-path').allTextContents()).toContain('/api/health');
  });

  it('asks before signing in with an emailed link: opening it names the address and signs in only on a click (no login CSRF)', async () => {
    const email = `link-${Date.now()}@example.nl`;
    await fetch(`${stack.url}/api/auth/code`, { method: 'POST', headers: { origin: stack.url, 'content-type': 'application/json' }, body: JSON.stringify({ email }) });
    const link =
      /https?:\/\/\S+\/sign-in\?token=[^\s"]+/.exec((await createInbox(stack.sesUrl).waitFor((mail) => mail.destination.to.join().includes(email))).body.text ?? '')?.[0] ?? '';
    const signedIn = async () => ((await (await page.request.get(`${stack.url}/api/session`)).json()) as { me: unknown }).me !== null;

    await page.goto(link);
    const confirm = page.getByTestId('sign-in-link-confirm');
    await confirm.waitFor();

    expect(await confirm.textContent()).toContain(`Inloggen als ${email}?`);
    expect(await signedIn()).toBe(false);
    expect(await accessibilityViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
    expect(await signedIn()).toBe(true);
  });

  it('loads its pages without errors in the browser console (CSP included)', () => {
    expect(consoleErrors.filter((text) => !text.includes('favicon'))).toEqual([]);
  });
});
