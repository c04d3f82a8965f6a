import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertRunEntity } from '#functions/data/alert-run.entity.ts';
import { outboxEventEntity } from '#functions/data/outbox-event.entity.ts';
import { localClientConfig } from '#functions/local/local-aws.ts';
import { localTableName } from '#functions/local/local-table.ts';
import { alertedExample } from '#functions/mail/templates/alert-data.ts';
import { accessibilityViolations } from '../helpers/browser.ts';
import { signInThroughPage } from '../helpers/browser-sign-in.ts';
import { createInbox } from '../helpers/inbox.ts';
import { startStackAndBrowser, type LocalStack } from '../helpers/local-stack.ts';

const screenshots = resolve(import.meta.dirname, '../../test-results/alert-runs');

/**
 * A few runs written straight to the stack's table, as fan-out and delivery would have left them:
 * a digest whose emails all went, a fan-out still sending, and one whose chunk failed for one of
 * its two recipients. The failed chunk is written failed, so the stack's dispatcher leaves it alone.
 */
async function seedRuns(stack: LocalStack, token: string) {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient(localClientConfig(stack.dynamoDbEndpoint)));
  const runs = alertRunEntity(client, localTableName);
  const events = outboxEventEntity(client, localTableName);
  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
  const challenge = (title: string) => ({ ...alertedExample, challengeId: ulid(), title });
  const base = { frequency: 'immediately' as const, keys: ['discipline:any'], status: 'matched' as const };
  const failing = challenge(`${token}: a wayfinding service for the harbour`);
  const failedRunId = `challenge-${failing.challengeId}`;
  const chunkId = `${failedRunId}#0`;
  const refused = `refused-${token.toLowerCase()}@example.nl`;
  const sending = challenge(`${token}: sound for the new metro stations`);
  try {
    await runs
      .create({
        ...base,
        runId: 'digest-2001-W01',
        kind: 'digest',
        title: '2001-W01',
        frequency: 'weekly',
        challenges: [alertedExample],
        startedAt: minutesAgo(90),
        matched: 120,
        sent: 118,
        suppressed: 2,
        failed: 0,
      })
      .go();
    await runs
      .create({
        ...base,
        runId: `challenge-${sending.challengeId}`,
        kind: 'challenge',
        title: sending.title,
        challengeId: sending.challengeId,
        challenges: [sending],
        startedAt: minutesAgo(2),
        status: 'matching',
        matched: 50,
        sent: 31,
        suppressed: 0,
        failed: 0,
      })
      .go();
    await events
      .create({
        eventId: chunkId,
        type: 'challenge.alert',
        recipients: [`anna-${token.toLowerCase()}@example.nl`, refused].map((email) => ({
          email,
          language: 'en' as const,
          personal: { matches: [{ challenge: 0, reasons: [{ kind: 'anything' }] }] },
        })),
        data: { run: failedRunId, title: failing.title, challenges: [failing] },
        status: 'failed',
        failure: 'The mail service refused 1 of 2 recipients',
        rejected: [{ email: refused, reason: 'MessageRejected: Email address is not verified.' }],
        run: failedRunId,
        tally: { sent: 1, suppressed: 0, failed: 1 },
        tallied: 1,
        createdAt: minutesAgo(30),
      })
      .go();
    await runs
      .create({
        ...base,
        runId: failedRunId,
        kind: 'challenge',
        title: failing.title,
        challengeId: failing.challengeId,
        challenges: [failing],
        startedAt: minutesAgo(30),
        matched: 2,
        sent: 1,
        suppressed: 0,
        failed: 1,
        failedEvents: [chunkId],
      })
      .go();
  } finally {
    client.destroy();
  }
  return { failing, refused };
}

describe('End to end: staff follow each alert run and retry its failed emails', { timeout: 120_000 }, () => {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'crossover-e2e-alert-runs-'));
  const token = `Runs${Date.now().toString(36)}`;
  let stack: LocalStack;
  let browser: Browser;
  let page: Page;
  let seeded: Awaited<ReturnType<typeof seedRuns>>;

  beforeAll(async () => {
    ({ stack, browser } = await startStackAndBrowser(dataDirectory));
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    seeded = await seedRuns(stack, token);
    mkdirSync(screenshots, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  it('lists the runs newest first from the staff navigation, each challenge linked, the digest by its week', async () => {
    await signInThroughPage(page, stack, 'staff@crossover.local');
    await page.goto(`${stack.url}/en/staff/outbox`);
    await page.getByRole('navigation', { name: 'Cluster team' }).getByRole('link', { name: 'Alerts' }).click();

    await page.waitForURL(`${stack.url}/en/staff/alerts`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Alert delivery');
    const rows = page.getByTestId('alert-run');
    await rows.first().waitFor();
    // The stack's demo challenges, and its own weekly digest, have runs of their own, newer than these.
    const names = (await rows.locator('th').allTextContents()).map((name) => name.trim()).filter((name) => name.startsWith(token) || name === 'Weekly digest 2001-W01');
    expect(names).toEqual([`${token}: sound for the new metro stations`, `${token}: a wayfinding service for the harbour`, 'Weekly digest 2001-W01']);
    const failedRow = rows.filter({ hasText: seeded.failing.title });
    expect(await failedRow.getByRole('link', { name: seeded.failing.title }).getAttribute('href')).toBe(`/en/challenges/${seeded.failing.challengeId}`);
    expect((await failedRow.locator('td').allTextContents()).slice(1, 7)).toEqual(['Some failed', '2', '1', '0', '1', '0']);
    expect(await rows.filter({ hasText: 'Weekly digest' }).getByRole('button').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshots, 'staff-alerts-en.png'), fullPage: true });
  });

  it('retries the failed emails from the keyboard: the missing one goes out once and the counts move', async () => {
    const retry = page.getByRole('button', { name: `Retry the failed emails of ${seeded.failing.title}` });
    await retry.focus();
    await page.keyboard.press('Enter');

    await page.getByRole('status').getByText(`Retried ${seeded.failing.title}: 2 sent, 0 still failed.`).waitFor();
    const failedRow = page.getByTestId('alert-run').filter({ hasText: seeded.failing.title });
    expect((await failedRow.locator('td').allTextContents()).slice(1, 7)).toEqual(['Done', '2', '2', '0', '0', '0']);
    expect(await failedRow.getByRole('button').count()).toBe(0);
    expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe('runs-title');
    const inbox = createInbox(stack.sesUrl);
    await expect.poll(async () => (await inbox.to(seeded.refused)).length, { timeout: 15_000 }).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('shows the view in Dutch on a phone, the table scrolling sideways, with no accessibility violation', async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(`${stack.url}/staff/alerts`);

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Verzending van alerts');
    await page.getByText('Weekoverzicht 2001-W01').waitFor();
    await page.screenshot({ path: join(screenshots, 'staff-alerts-nl-phone.png'), fullPage: true });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
