import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSuppressionStore } from '#functions/data/suppression-store.ts';
import { localTableName } from '#functions/local/local-table.ts';
import { localClientConfig } from '#functions/local/local-aws.ts';
import { accessibilityViolations } from '../helpers/browser.ts';
import { signInThroughPage } from '../helpers/browser-sign-in.ts';
import { startStackAndBrowser, type LocalStack } from '../helpers/local-stack.ts';

/** Staff look at the addresses that bounced or complained, and lift one after asking twice, with the keyboard alone. */
describe('End to end: staff see the suppression list and lift an address', { timeout: 120_000 }, () => {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'crossover-e2e-suppressions-'));
  const bounced = `gone-${Date.now()}@oud-bureau.example`;
  const complained = `spam-${Date.now()}@waternet.example`;
  let stack: LocalStack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ stack, browser } = await startStackAndBrowser(dataDirectory));
    page = await (await browser.newContext({ viewport: { width: 1100, height: 900 } })).newPage();
    // As the SES notification handler writes them.
    const suppressions = createSuppressionStore(DynamoDBDocumentClient.from(new DynamoDBClient(localClientConfig(stack.dynamoDbEndpoint))), localTableName);
    await suppressions.suppress([
      { email: bounced, reason: 'bounce', detail: 'Permanent/General: smtp; 550 5.1.1 user unknown', suppressedAt: '2026-03-02T09:15:00.000Z', sesMessageId: 'e2e-1' },
      { email: complained, reason: 'complaint', detail: 'abuse', suppressedAt: '2026-03-05T14:40:00.000Z', sesMessageId: 'e2e-2' },
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  const rows = () => page.getByTestId('suppression-row');

  it('lists the addresses newest first with reason, what the mail server said and since when, from the staff navigation', async () => {
    await signInThroughPage(page, stack, 'staff@crossover.local');
    await page.goto(`${stack.url}/en/staff/outbox`);
    await page.getByRole('navigation', { name: 'Cluster team' }).getByRole('link', { name: 'Blocked addresses' }).click();

    await page.waitForURL(`${stack.url}/en/staff/suppressions`);
    await rows().first().waitFor();
    expect(await rows().allTextContents()).toEqual([expect.stringContaining(complained), expect.stringContaining(bounced)]);
    expect(await rows().first().textContent()).toContain('Marked as spam');
    expect(await rows().nth(1).textContent()).toContain('550 5.1.1 user unknown');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('lifts an address only after the confirmation, with the keyboard alone', async () => {
    await page.getByRole('button', { name: `Lift the block on ${bounced}` }).focus();
    await page.keyboard.press('Enter');

    // The question takes focus: cancelling returns it to the row's button, and nothing is lifted.
    expect((await page.locator(':focus').textContent())?.trim()).toBe('Yes, lift');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(tmpdir(), 'crossover-suppressions-confirm.png'), fullPage: true });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.locator(':focus').getAttribute('aria-label')).toBe(`Lift the block on ${bounced}`);
    expect(await rows().count()).toBe(2);

    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');

    await page.getByText(`${bounced} is no longer blocked.`).waitFor();
    expect(await rows().allTextContents()).toEqual([expect.stringContaining(complained)]);
    await page.reload();
    await rows().first().waitFor();
    expect(await rows().count()).toBe(1);
  });

  it('has no accessibility violation in Dutch', async () => {
    await page.goto(`${stack.url}/staff/suppressions`);
    await rows().first().waitFor();

    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Geblokkeerde adressen');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(tmpdir(), 'crossover-suppressions-nl.png'), fullPage: true });
  });
});
