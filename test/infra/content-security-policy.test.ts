import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineScriptHashes } from '../../infra/content-security-policy.ts';

const buildWith = (pages: Record<string, string>) => {
  const directory = mkdtempSync(join(tmpdir(), 'crossover-csp-'));
  for (const [page, html] of Object.entries(pages)) {
    mkdirSync(join(directory, page, '..'), { recursive: true });
    writeFileSync(join(directory, page), html);
  }
  return directory;
};

describe("Content security policy: the site's CSP header", () => {
  it('hashes each inline script of every built page exactly as the browser does', () => {
    const build = buildWith({
      'index.html': '<body><script>console.log(1)</script></body>',
      'nl/over.html': '<body><script type="module">console.log(1)</script><script>\n\tstart()\n</script></body>',
    });

    expect(inlineScriptHashes(build)).toEqual([
      "'sha256-CihokcEcBW4atb/CW/XWsvWwbTjqwQlE9nj9ii5ww5M='",
      "'sha256-WlzPJPrEYjezCveN4cDzOkVyXBbbXhTBGyy92ZCXmdo='",
    ].sort());
  });

  it('skips scripts loaded from files and data that never runs', () => {
    const build = buildWith({
      'index.html':
        '<script src="/_app/start.js"></script><script type="application/json" data-sveltekit-fetched>{"a":1}</script><script></script>',
    });

    expect(inlineScriptHashes(build)).toEqual([]);
  });

  it('finds nothing to hash without a build', () => {
    expect(inlineScriptHashes(join(tmpdir(), 'crossover-no-such-build'))).toEqual([]);
  });

  it("allows our origin and the hashed scripts only, and no one to frame the site", () => {
    const policy = contentSecurityPolicy(["'sha256-abc='"]);

    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self' 'sha256-abc='");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain('unsafe');
  });

  it('refuses a policy longer than CloudFront accepts', () => {
    const hashes = Array.from({ length: 40 }, (_, index) => `'sha256-${String(index).padStart(44, 'x')}'`);

    expect(() => contentSecurityPolicy(hashes)).toThrow(/CloudFront allows 1783/);
  });
});
