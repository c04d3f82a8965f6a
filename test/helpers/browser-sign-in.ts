import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { createInbox } from './inbox.ts';

/** Signs in through the English sign-in page, reading the code from the stack's local SES inbox. */
export async function signInThroughPage(page: Page, stack: { url: string; sesUrl: string }, email: string) {
  const inbox = createInbox(stack.sesUrl);
  const before = (await inbox.to(email)).length;
  await page.goto(`${stack.url}/en/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Send me a code' }).click();
  await expect.poll(async () => (await inbox.to(email)).length, { timeout: 15_000 }).toBeGreaterThan(before);
  const code = /\d{6}/.exec((await inbox.to(email)).at(-1)?.subject ?? '')?.[0] ?? '';
  await page.getByLabel('6-digit code').fill(code);
  await page.getByTestId('sign-in-code-form').getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
}
