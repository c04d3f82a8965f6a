import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations } from '../helpers/browser.ts';
import { signInThroughPage } from '../helpers/browser-sign-in.ts';
import { createInbox } from '../helpers/inbox.ts';
import { startStackAndBrowser, type LocalStack } from '../helpers/local-stack.ts';

describe('End to end: a creative firm registers, staff verify it, it appears in the directory and a colleague joins and leaves', () => {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'crossover-e2e-organisations-'));
  const owner = `owner-${Date.now()}@studio-e2e.example`;
  const firmName = `Studio E2E ${Date.now()}`;
  const colleague = `colleague-${Date.now()}@studio-e2e.example`;
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

  const signIn = (email: string) => signInThroughPage(page, stack, email);

  it('signs a new person in with the emailed code and takes them to registration', async () => {
    await signIn(owner);

    await page.waitForURL(`${stack.url}/en/register`);
    expect(await page.getByTestId('account-menu').textContent()).toContain(owner);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('registers a creative firm through the wizard, validating as the person types', async () => {
    await page.getByLabel('Creative firm').check();
    await page.getByTestId('register-continue').click();

    await page.getByLabel('Organisation name').fill(firmName);
    await page.getByLabel('Chamber of Commerce (KvK) number').fill('1234');
    await page.getByLabel('Website').click();
    expect(await page.getByText('A KvK number is 8 digits').count()).toBe(1);
    await page.getByLabel('Chamber of Commerce (KvK) number').fill(String(Date.now()).slice(-8));
    await page.getByLabel('Municipality').selectOption({ label: 'Haarlem' });
    await page.getByLabel('Website').fill('https://studio-e2e.example');
    await page.getByLabel('Description').fill('A small design studio that makes public services easy to use.');
    await page.getByLabel('Number of employees').selectOption('2-9');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByTestId('register-continue').click();

    await page.getByLabel('Subsector').selectOption('design');
    await page.getByTestId('register-step-3').locator('input[type=checkbox]').first().check();
    await page.getByLabel('Founded in (year)').fill('2019');
    await page.getByTestId('register-continue').click();
    expect(await page.getByTestId('register-review').textContent()).toContain(firmName);
    await page.getByTestId('register-continue').click();

    await page.waitForURL(`${stack.url}/en/organisation`);
    await expect.poll(() => page.getByTestId('organisation-status').getAttribute('data-status')).toBe('pending');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('lets the owner edit the organisation’s details', async () => {
    await page.getByRole('button', { name: 'Edit details' }).click();
    await page
      .getByTestId('organisation-edit')
      .getByLabel('Description')
      .fill('We design public services that **everyone** can use, together with their users.<script>window.injected = true</script>');
    await page.getByRole('button', { name: 'Save' }).click();

    await page.getByText('Saved.').waitFor();
    // The description is Markdown, rendered and sanitised: emphasis stays, the script does not.
    expect(await page.locator('.markdown strong').textContent()).toBe('everyone');
    expect(await page.locator('.markdown script').count()).toBe(0);
    expect(await page.evaluate('typeof window.injected')).toBe('undefined');
  });

  it('lets staff verify it from the queue, which emails the owner', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByTestId('sign-in-link').waitFor();
    await signIn('staff@crossover.local');

    await page.waitForURL(`${stack.url}/en/staff/organisations`);

    const row = page.locator(`[data-testid="queue-row"][data-name="${firmName}"]`);
    await row.getByRole('button', { name: /verify/i }).click();

    await expect.poll(() => row.count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    const inbox = createInbox(stack.sesUrl);
    await expect.poll(async () => (await inbox.to(owner)).map((email) => email.subject), { timeout: 15_000 }).toContainEqual(expect.stringContaining('is verified on Crossover'));
  });

  // Dutch is the base language: its pages have no prefix.
  it.each([
    ['English', '/en', 'Cluster team', 'Emails', 'Emails that did not go out', 'Failed'],
    ['Dutch', '', 'Clusterteam', 'E-mails', 'E-mails die niet zijn verstuurd', 'Mislukt'],
  ])('shows staff the emails that did not go out in %s, from the staff navigation, with no accessibility violation', async (_, prefix, navigation, link, title, failed) => {
    await page.goto(`${stack.url}${prefix}/staff/organisations`);
    await page.getByRole('navigation', { name: navigation }).getByRole('link', { name: link }).click();

    await page.waitForURL(`${stack.url}${prefix}/staff/outbox`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    await page.getByLabel('Status').selectOption({ label: failed });
    await page.locator('.notice, [data-testid="outbox-row"]').first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('shows the verified firm in the public directory and on its own page', async () => {
    await page.goto(`${stack.url}/en/firms`);

    const card = page.getByRole('link', { name: firmName });
    await card.waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await card.click();

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(firmName);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('lets the verified owner invite a colleague, who after signing in is asked first: the invitation shows the name, KvK number and status', async () => {
    await page.goto(`${stack.url}/en/organisation`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByTestId('sign-in-link').waitFor();
    await signIn(owner);
    await page.goto(`${stack.url}/en/organisation`);
    await page.getByLabel('Invite a colleague (email address)').fill(colleague);
    await page.getByRole('button', { name: 'Invite', exact: true }).click();
    await page.getByText('Invited. Your colleague gets an email.').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByTestId('sign-in-link').waitFor();

    await signIn(colleague);

    await page.waitForURL(`${stack.url}/en/invitations`);
    const invitation = page.getByTestId('invitation');
    await invitation.waitFor();
    expect(await invitation.getByRole('heading', { level: 2 }).textContent()).toBe(firmName);
    expect(await invitation.textContent()).toMatch(/Chamber of Commerce \(KvK\) number\s*\d{8}/);
    expect(await invitation.textContent()).toContain('Verified');
    expect(await page.getByTestId('account-menu').textContent()).not.toContain(firmName);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('joins the organisation only when the colleague accepts, and lets the colleague leave it after confirming', async () => {
    await page.getByRole('button', { name: `Accept the invitation of ${firmName} and join` }).click();

    await page.waitForURL(`${stack.url}/en/organisation`);
    await expect.poll(() => page.getByTestId('account-menu').textContent()).toContain(firmName);
    await page.getByTestId('leave-organisation').getByRole('button', { name: 'Leave this organisation' }).click();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Yes, leave' }).click();

    await page.getByText(`You left ${firmName}.`).waitFor();
    expect(await page.getByTestId('account-menu').textContent()).not.toContain(firmName);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
