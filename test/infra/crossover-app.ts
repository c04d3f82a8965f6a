import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import cdkJson from '../../cdk.json' with { type: 'json' };
import { defineCrossover } from '../../infra/crossover.ts';
import { readSettings } from '../../infra/settings.ts';

/** A directory that is certainly not a site build. */
export const noSiteBuild = join(tmpdir(), 'crossover-no-site-build');

export interface CrossoverAppOptions {
  /** The site build to deploy; none by default. */
  siteBuildDirectory?: string;
  /** Context on top of cdk.json's. */
  context?: Record<string, string>;
  /** Bundle the functions with esbuild; off by default, as `cdk synth --exclusively` does for other stacks. */
  bundle?: boolean;
  /** Run CDK's built-in CloudFormation validation on synth too; it takes seconds to start, so only where asked. */
  validateTemplates?: boolean;
}

/** Crossover as `cdk synth` builds it: cdk.json's context and feature flags, the AWS Solutions checks. */
export function crossoverApp(options: CrossoverAppOptions = {}) {
  const { siteBuildDirectory = noSiteBuild, context = {}, bundle = false, validateTemplates = false } = options;
  const app = new App({
    context: { ...cdkJson.context, ...context, ...(!bundle && { 'aws:cdk:bundling-stacks': [] }) },
    builtinCloudFormationValidation: validateTemplates,
  });
  return { app, ...defineCrossover(app, { ...readSettings(app.node), siteBuildDirectory }) };
}

/** A SvelteKit static build in miniature: the app shell with its inline boot script and the CSP SvelteKit writes for it, one hashed asset. */
export function writeSiteBuild(bootScript: string): string {
  const policy = `default-src 'self'; script-src 'self' 'sha256-${createHash('sha256').update(bootScript).digest('base64')}'; style-src 'self'`;
  const directory = mkdtempSync(join(tmpdir(), 'crossover-site-'));
  mkdirSync(join(directory, '_app/immutable/entry'), { recursive: true });
  writeFileSync(
    join(directory, 'index.html'),
    `<!doctype html><html><head><meta http-equiv="content-security-policy" content="${policy}"></head><body><div><script>${bootScript}</script></div></body></html>`,
  );
  writeFileSync(join(directory, '_app/immutable/entry/start.B6qhLO8.js'), 'export const start = () => {};');
  return directory;
}
