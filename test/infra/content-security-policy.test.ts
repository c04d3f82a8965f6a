import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteContentSecurityPolicy } from '../../infra/content-security-policy.ts';

const buildWith = (html: string) => {
  const directory = mkdtempSync(join(tmpdir(), 'crossover-csp-'));
  writeFileSync(join(directory, 'index.html'), html);
  return directory;
};

describe("Function: siteContentSecurityPolicy (the site's CSP header)", () => {
  it('is the policy SvelteKit wrote into the built page, hashes included, plus frame-ancestors', () => {
    const build = buildWith(
      `<head><meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'sha256-abc='; style-src-attr 'unsafe-hashes' 'sha256-def='"></head>`,
    );

    expect(siteContentSecurityPolicy(build)).toBe(
      "default-src 'self'; script-src 'self' 'sha256-abc='; style-src-attr 'unsafe-hashes' 'sha256-def='; frame-ancestors 'none'; upgrade-insecure-requests",
    );
  });

  it('allows our own origin only, and no inline code, while there is no build', () => {
    const policy = siteContentSecurityPolicy(join(tmpdir(), 'crossover-no-such-build'));

    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain('unsafe');
    expect(policy).not.toContain('sha256');
  });

  it('refuses a policy longer than CloudFront accepts', () => {
    const hashes = Array.from({ length: 40 }, (_, index) => `'sha256-${String(index).padStart(44, 'x')}'`).join(' ');
    const build = buildWith(`<meta http-equiv="content-security-policy" content="script-src 'self' ${hashes}">`);

    expect(() => siteContentSecurityPolicy(build)).toThrow(/CloudFront allows 1783/);
  });
});
