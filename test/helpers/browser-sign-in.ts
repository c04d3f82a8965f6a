import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { createInbox } from './inbox.ts';

/** Signs in through the English sign-in page, reading the code from the stack's local SES inbox. */
export async function signInThroughPage(page: Page, stack: { url: string; sesUrl: string }, email: string) {
  const inbox = createInbox(stack.sesUrl);
  // Other mail (staff are told of submitted challenges) may arrive meanwhile: only code emails count.
  const codes = async () => (await inbox.to(email)).flatMap((mail) => /\b\d{6}\b/.exec(mail.subject)?.[0] ?? []);
  const before = (await codes()).length;
  await page.goto(`${stack.url}/en/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Send me a code' }).click();
  await expect.poll(async () => (await codes()).length, { timeout: 15_000 }).toBeGreaterThan(before);
  const code = (await codes()).at(-1) ?? '';
  await page.getByLabel('6-digit code').fill(code);
  await page.getByTestId('sign-in-code-form').getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
}
