import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import * as account from '#shared/account.ts';
import { bundleFile, bundleFunction } from '../../infra/bundling/function-bundle.ts';

describe('Bundling: functions bundled without zod’s other locales', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'crossover-bundle-'));
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('still answers with zod’s own English messages, word for word as unbundled', async () => {
    // Prepare: the shared account schemas, bundled as every function is.
    await bundleFunction('shared/account.ts', outdir);
    const bundled = (await import(pathToFileURL(join(outdir, bundleFile)).href)) as typeof account;
    const wrong = { name: '', language: 'fr', colour: 'blue' };

    // Act
    const messages = (schemas: typeof account) => schemas.updateMeSchema.safeParse(wrong).error?.issues.map((issue) => issue.message);

    // Assess: the defaults (too short, not an option, unknown field) come from the English locale.
    expect(messages(bundled)).toEqual(messages(account));
    expect(messages(bundled)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Too small: expected string to have >=1 characters?$/),
        expect.stringMatching(/^Invalid option/),
        expect.stringMatching(/^Unrecognized key/),
      ]),
    );
  });
});
