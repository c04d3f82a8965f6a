import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations } from '../helpers/browser.ts';
import { signInThroughPage } from '../helpers/browser-sign-in.ts';
import { createInbox } from '../helpers/inbox.ts';
import { startStackAndBrowser, type LocalStack } from '../helpers/local-stack.ts';

/** A datetime-local value `days` from now, in the browser's time zone. */
const localDateTime = (days: number) => {
  const at = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T12:00`;
};

// Each step drives a real browser against the whole stack; on a loaded two-core machine that takes time.
describe('End to end: a challenge from draft through moderation to a published answer', { timeout: 120_000 }, () => {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'crossover-e2e-challenges-'));
  const token = `Harbour${Date.now().toString(36)}`;
  const title = `${token}: make the ferry timetable readable`;
  const firmEmail = 'anna@studionoord.example';
  let stack: LocalStack;
  let browser: Browser;
  let commissioner: Page;
  let staff: Page;
  let firm: Page;
  let challengeUrl: string;

  beforeAll(async () => {
    ({ stack, browser } = await startStackAndBrowser(dataDirectory));
    const newPage = async () => (await browser.newContext()).newPage();
    [commissioner, staff, firm] = await Promise.all([newPage(), newPage(), newPage()]);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  const next = async (page: Page, step: number) => {
    await page.getByTestId('challenge-form-continue').click();
    await page.getByTestId(`challenge-form-step-${step}`).waitFor();
  };

  it('signs in a commissioner, a staff member and a firm, each in their own browser', async () => {
    await signInThroughPage(commissioner, stack, 'ilse@havenstad.example');
    await signInThroughPage(staff, stack, 'staff@crossover.local');
    await signInThroughPage(firm, stack, firmEmail);
  });

  it('lets the commissioner draft a challenge in six steps, with the weights adding up to 100 before moving on', async () => {
    await commissioner.goto(`${stack.url}/en/dashboard`);
    await commissioner.getByRole('link', { name: 'New challenge' }).first().click();
    await commissioner.getByTestId('challenge-form-step-1').waitFor();
    await commissioner.fill('#cf-title', title);
    await commissioner.fill('#cf-summary', 'Travellers miss ferries because the timetable is hard to read. We want a timetable everyone understands.');
    await commissioner.fill(
      '#cf-description',
      'The ferry timetable at our harbour is printed in tiny type and changes with the tides. Design with us a **clear** timetable for signs and phones.',
    );
    await commissioner.check('input[name=disciplines][value=data_visualisation]');
    await next(commissioner, 2);
    await commissioner.fill('#cf-budgetMinCents', '20000');
    await commissioner.fill('#cf-budgetMaxCents', '40000');
    await commissioner.fill('#cf-pitchFeeCents', '1500');
    await next(commissioner, 3);
    await commissioner.fill('#cf-questionDeadline', localDateTime(20));
    await commissioner.fill('#cf-bidDeadline', localDateTime(30));
    await commissioner.fill('#cf-expectedStart', localDateTime(50).slice(0, 10));
    await commissioner.fill('#cf-durationWeeks', '10');
    await commissioner.check('input[name=workplace][value=hybrid]');
    await commissioner.selectOption('#cf-municipality', 'GM0363');
    await next(commissioner, 4);
    await commissioner.fill('#cf-criteria-0-name', 'Readability');
    await commissioner.fill('#cf-criteria-0-weight', '60');
    await commissioner.getByTestId('challenge-form-continue').click();
    expect(await commissioner.getByTestId('challenge-form-step-4').isVisible()).toBe(true);
    await commissioner.getByRole('button', { name: 'Add a criterion' }).click();
    await commissioner.fill('#cf-criteria-1-name', 'Price');
    await commissioner.fill('#cf-criteria-1-weight', '40');
    expect(await commissioner.getByTestId('challenge-form-step-4').textContent()).toContain('100 of 100');
    expect(await accessibilityViolations(commissioner)).toEqual([]);
    await next(commissioner, 5);
    await commissioner.check('input[name=rights-model][value=exclusive_licence]');
    await next(commissioner, 6);
    expect(await commissioner.getByTestId('challenge-form-step-6').textContent()).toContain(title);
    await commissioner.getByTestId('challenge-form-continue').click();

    await commissioner.waitForURL(/\/en\/challenges\/[0-9A-Z]{26}$/);
    challengeUrl = commissioner.url();
    await commissioner.getByTestId('submit-challenge').waitFor();
    expect(await accessibilityViolations(commissioner)).toEqual([]);
  });

  it('submits it; staff find it in the moderation queue and send it back with a comment', async () => {
    await commissioner.getByTestId('submit-challenge').click();
    await commissioner.getByText('In moderation').first().waitFor();

    await staff.goto(`${stack.url}/en/staff/challenges`);
    const row = staff.getByTestId('moderation-row').filter({ hasText: token });
    await row.getByRole('button', { name: 'Request changes' }).click();
    await row.getByLabel('What should change?').fill('Please add a criterion for accessibility.');
    await row.getByRole('button', { name: 'Send back with comment' }).click();
    await staff.getByRole('status').getByText('was sent back with your comment').waitFor();
    expect(await accessibilityViolations(staff)).toEqual([]);
  });

  it('shows the commissioner the comment; they fix the draft and submit it again; staff approve it', async () => {
    await commissioner.reload();
    await commissioner.getByText('Please add a criterion for accessibility.').first().waitFor();
    await commissioner.getByRole('link', { name: 'Edit draft' }).click();
    await commissioner.getByTestId('challenge-form-step-1').waitFor();
    await expect.poll(() => commissioner.inputValue('#cf-title')).toBe(title);
    await commissioner.locator('.steps li:nth-child(4) button').click();
    await commissioner.getByTestId('challenge-form-step-4').waitFor();
    await commissioner.fill('#cf-criteria-1-weight', '25');
    await commissioner.getByRole('button', { name: 'Add a criterion' }).click();
    await commissioner.fill('#cf-criteria-2-name', 'Accessibility');
    await commissioner.fill('#cf-criteria-2-weight', '15');
    await commissioner.locator('.steps li:nth-child(6) button').click();
    await commissioner.getByTestId('challenge-form-step-6').waitFor();
    await commissioner.getByTestId('challenge-form-continue').click();
    await commissioner.waitForURL(challengeUrl);
    await commissioner.getByTestId('submit-challenge').click();
    await commissioner.getByText('In moderation').first().waitFor();

    await staff.goto(`${stack.url}/en/staff/challenges`);
    const row = staff.getByTestId('moderation-row').filter({ hasText: token });
    await row.getByRole('button', { name: 'Approve and publish' }).click();
    await staff.getByRole('status').getByText(token).waitFor();
  });

  it('lets a firm find it in the list by a word of its title and ask a question', async () => {
    await firm.goto(`${stack.url}/en/challenges`);
    await firm.getByLabel('Words').fill(token);
    await firm.getByRole('button', { name: 'Search' }).click();
    await firm.getByRole('link', { name: title }).click();
    await firm.waitForURL(challengeUrl);
    expect(await firm.locator('.markdown strong').textContent()).toBe('clear');
    expect(await firm.textContent('main')).toContain('Accessibility');

    await firm.getByLabel('Ask a question').fill('Should the timetable also work offline on phones?');
    await firm.getByRole('button', { name: 'Send question' }).click();
    await firm.getByTestId('question').filter({ hasText: 'work offline' }).waitFor();
    expect(await accessibilityViolations(firm)).toEqual([]);
  });

  it('lets the commissioner answer; the firm sees the answer on the page and in its email', async () => {
    await commissioner.reload();
    const question = commissioner.getByTestId('question').filter({ hasText: 'work offline' });
    await question.getByLabel('Your answer, for all interested firms').fill('Yes: ferries leave from places without mobile signal.');
    await question.getByRole('button', { name: 'Publish answer' }).click();
    await commissioner.getByText('Answer published.').waitFor();

    await firm.reload();
    await firm.getByTestId('question').filter({ hasText: 'without mobile signal' }).waitFor();
    const inbox = createInbox(stack.sesUrl);
    await expect.poll(async () => (await inbox.to(firmEmail)).filter((email) => email.subject.includes(token)).length, { timeout: 15_000 }).toBe(1);
    const [email] = (await inbox.to(firmEmail)).filter((mail) => mail.subject.includes(token));
    expect(email!.body.text).toContain('without mobile signal');
    expect(await accessibilityViolations(firm)).toEqual([]);
  });

  it('lists the challenge on the firm’s dashboard once it follows it', async () => {
    await firm.getByRole('button', { name: 'Follow' }).click();
    await firm.getByRole('button', { name: 'Stop following' }).waitFor();

    await firm.getByTestId('dashboard-link').click();
    await firm.getByTestId('followed-challenges').getByRole('link', { name: title }).waitFor();
    expect(await accessibilityViolations(firm)).toEqual([]);
  });
});
