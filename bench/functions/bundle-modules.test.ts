import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesByModule } from './bundle-modules.ts';

describe('Function: bytesByModule', () => {
  it('counts each generated span to the package or own folder its source map names', () => {
    // Prepare: one line, `aaaa` from zod, `bb` from a zod locale, `cccccc` from functions/data.
    const directory = mkdtempSync(join(tmpdir(), 'bundle-modules-'));
    const bundle = join(directory, 'index.mjs');
    writeFileSync(bundle, 'aaaabbcccccc');
    const sources = ['../node_modules/zod/v4/core/core.js', '../node_modules/zod/v4/locales/de.js', '../../repo/functions/data/pages.ts'];
    // Segments [generated column delta, source delta, line, column]: 0/0, 4/+1, 2/+1.
    writeFileSync(`${bundle}.map`, JSON.stringify({ version: 3, sources, mappings: 'AAAA,ICAA,ECAA' }));

    // Act
    const modules = bytesByModule(bundle);

    // Assess
    expect(modules).toEqual([
      { module: 'functions/data', bytes: 6 },
      { module: 'zod', bytes: 4 },
      { module: 'zod (locales)', bytes: 2 },
    ]);
  });
});
