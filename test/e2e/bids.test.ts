import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations } from '../helpers/browser.ts';
import { signInThroughPage } from '../helpers/browser-sign-in.ts';
import { createInbox } from '../helpers/inbox.ts';
import { startStackAndBrowser, type LocalStack } from '../helpers/local-stack.ts';

const DAY = 24 * 60 * 60 * 1000;

/**
 * The demo's open heat-stress challenge (Gemeente Havenstad) already holds one sealed consortium bid
 * (Studio Noord with Pixelhaven) and a draft by Beeldtaal. Here Merkwaardig bids as a consortium
 * with Ruimtelijk Atelier, Beeldtaal seals its draft, the clock passes the deadline, and the
 * commissioner scores, shortlists and awards.
 */
describe('End to end: sealed bids, a consortium, evaluation and award', { timeout: 120_000 }, () => {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'crossover-e2e-bids-'));
  let stack: LocalStack;
  let browser: Browser;
  let lead: Page;
  let partner: Page;
  let rival: Page;
  let commissioner: Page;
  let challengeId: string;
  let leadBidId: string;

  beforeAll(async () => {
    ({ stack, browser } = await startStackAndBrowser(dataDirectory, { testControls: true }));
    const newPage = async () => (await browser.newContext()).newPage();
    [lead, partner, rival, commissioner] = await Promise.all([newPage(), newPage(), newPage(), newPage()]);
    const list = (await (await fetch(`${stack.url}/api/challenges?q=hittestress`)).json()) as { items: { id: string }[] };
    challengeId = list.items[0]!.id;
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  /** The API as the page's own session sees it. */
  const apiAs = <T>(page: Page, path: string) => page.evaluate(async (url) => (await fetch(url)).json(), path) as Promise<T>;

  it('signs in two firms, a partner and the commissioner, each in their own browser', async () => {
    await signInThroughPage(lead, stack, 'femke@merkwaardig.example');
    await signInThroughPage(partner, stack, 'tom@ruimtelijk.example');
    await signInThroughPage(rival, stack, 'joost@beeldtaal.example');
    await signInThroughPage(commissioner, stack, 'ilse@havenstad.example');
  });

  it('lets a firm start a bid from the challenge, write it with autosave and invite a partner', async () => {
    await lead.goto(`${stack.url}/en/challenges/${challengeId}`);
    await lead.getByTestId('start-bid').click();
    await lead.getByTestId('bid-form').waitFor();
    leadBidId = lead.url().split('/bids/')[1]!.split(/[/?#]/)[0]!;
    await lead.fill(
      '#bid-approach',
      'A neighbourhood game in which streets compete to cool down: shade maps drawn by residents, a heat walk and a festival of green gardens at the end of summer.',
    );
    await lead.fill('#bid-priceCents', '45000');
    await lead.fill('#bid-timeline', 'Eight weeks of co-design, then a summer of play and a handover in September.');
    await lead.getByRole('button', { name: 'Add a team member' }).click();
    await lead.fill('#bid-team-0-name', 'Femke Mulder');
    await lead.fill('#bid-team-0-role', 'Creative director');
    for (let index = 0; index < 3; index += 1) await lead.fill(`#bid-answer-${index}`, `How we meet criterion ${index + 1}: residents design the game themselves.`);
    await expect.poll(() => lead.getByTestId('save-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('saved');

    await lead.getByTestId('invite-partner').click();
    await lead.fill('#invite-search', 'Ruimtelijk');
    await lead.locator('#invite-organisationId').selectOption({ index: 0 });
    await lead.fill('#invite-role', 'Spatial design of the heat walk');
    await lead.fill('#invite-sharePercent', '30');
    await lead.getByTestId('send-invitation').click();
    await lead.locator('[data-testid="partner"][data-status="invited"]').waitFor();
    expect(await lead.getByTestId('submit-bid').isDisabled()).toBe(true);
    expect(await accessibilityViolations(lead)).toEqual([]);
  });

  it('lets the partner confirm in the app, after which the lead seals the bid and can check its receipt', async () => {
    await partner.goto(`${stack.url}/en/bids/${leadBidId}`);
    // Invited, it sees the terms it decides on; the lead's approach only once it confirms.
    await partner.getByTestId('bid-after-confirming').waitFor();
    expect(await partner.getByText('A neighbourhood game').count()).toBe(0);
    await partner.getByTestId('confirm-partnership').click();
    await partner.getByText('A neighbourhood game').waitFor();
    await expect.poll(async () => (await apiAs<{ partners: { status: string }[] }>(partner, `/api/bids/${leadBidId}`)).partners[0]?.status).toBe('confirmed');
    await lead.reload();
    await lead.locator('[data-testid="partner"][data-status="confirmed"]').waitFor();
    await lead.getByTestId('submit-bid').click();
    await lead.getByTestId('receipt-digest').waitFor();
    await lead.getByTestId('check-receipt').click();
    await expect.poll(() => lead.getByTestId('receipt-result').getAttribute('data-matches')).toBe('true');
  });

  it('lets the rival firm seal its own draft, never seeing the other bids', async () => {
    const challenge = await apiAs<{ yourBid: { id: string } }>(rival, `/api/challenges/${challengeId}`);
    await rival.goto(`${stack.url}/en/bids/${challenge.yourBid.id}`);
    await rival.getByTestId('submit-bid').click();
    await rival.getByTestId('receipt-digest').waitFor();
    const other = await rival.evaluate(async (url) => (await fetch(url)).status, `/api/bids/${leadBidId}`);
    expect(other).toBe(404);
  });

  it('shows the commissioner only how many bids are sealed before the deadline', async () => {
    await commissioner.goto(`${stack.url}/en/challenges/${challengeId}`);
    await expect.poll(() => commissioner.getByTestId('bid-count').textContent()).toContain('3');
    const page = (await commissioner.content()).toLowerCase();
    for (const firm of ['merkwaardig', 'beeldtaal', 'studio noord', 'neighbourhood game']) expect(page).not.toContain(firm);
    await commissioner.goto(`${stack.url}/en/challenges/${challengeId}/evaluation`);
    await commissioner.getByTestId('bids-sealed').waitFor();
  });

  it('opens the bids once the (test-moved) clock passes the deadline; the commissioner scores, shortlists and awards', async () => {
    const moved = await fetch(`${stack.url}/__test__/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: stack.url },
      body: JSON.stringify({ advanceMs: 25 * DAY }),
    });
    expect(moved.status).toBe(200);
    await commissioner.goto(`${stack.url}/en/challenges/${challengeId}/evaluation`);
    const bids = commissioner.getByTestId('evaluated-bid');
    await bids.first().waitFor();
    expect(await bids.count()).toBe(3);
    const evaluation = await apiAs<{ bids: { bidId: string }[] }>(commissioner, `/api/challenges/${challengeId}/evaluation`);
    for (const [place, { bidId }] of evaluation.bids.entries()) {
      for (let index = 0; index < 3; index += 1) {
        await commissioner.fill(`#score-${bidId}-${index}-score`, String(bidId === leadBidId ? 9 : 6 - place));
        await commissioner.fill(`#score-${bidId}-${index}-comment`, 'Weighed against the brief and the other bids.');
      }
      await commissioner.locator(`#bid-${bidId} form`).getByRole('button').last().click();
      await expect
        .poll(
          async () =>
            (await apiAs<{ bids: { bidId: string; yourScores?: unknown[] }[] }>(commissioner, `/api/challenges/${challengeId}/evaluation`)).bids.find((bid) => bid.bidId === bidId)
              ?.yourScores?.length,
        )
        .toBe(3);
    }
    await commissioner.reload();
    await commissioner.locator(`#bid-${leadBidId}`).getByRole('button', { name: 'Shortlist' }).click();
    await expect
      .poll(
        async () =>
          (await apiAs<{ bids: { bidId: string; status: string }[] }>(commissioner, `/api/challenges/${challengeId}/evaluation`)).bids.find((bid) => bid.bidId === leadBidId)
            ?.status,
      )
      .toBe('shortlisted');
    await commissioner.reload();
    await commissioner.locator(`#award-${leadBidId}`).check();
    await commissioner.fill('#award-feedback', 'The chosen bid made residents the designers of the game; thank you for your work.');
    await commissioner.getByRole('button', { name: 'Review the award' }).click();
    await commissioner.getByTestId('confirm-step').getByRole('button').first().click();
    await commissioner.getByTestId('evaluation-outcome').waitFor();
    expect(await accessibilityViolations(commissioner)).toEqual([]);
  });

  it('leaves the awarded and not-selected emails in the inbox', async () => {
    const inbox = createInbox(stack.sesUrl);
    await inbox.waitFor((email) => JSON.stringify(email.destination).includes('femke@merkwaardig.example') && /gegund|awarded/i.test(email.subject), { timeoutMs: 30_000 });
    await inbox.waitFor(
      (email) => JSON.stringify(email.destination).includes('joost@beeldtaal.example') && /niet gekozen|not selected/i.test(email.subject + (email.body.text ?? '')),
      { timeoutMs: 30_000 },
    );
  });
});
