import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runCommand } from '#functions/local/child-service.ts';
import { pageAssets } from './page-assets.ts';

/**
 * The pages issue 11 names, with their budgets in gzip KiB: the build of 7 December 2026 plus 10 %,
 * so that growth is a decision rather than an accident.
 */
export const sitePages = [
  { page: 'landing page', routeId: '/', budget: { jsKiB: 88.9, cssKiB: 4.8 } },
  { page: 'challenge list', routeId: '/challenges', budget: { jsKiB: 95.9, cssKiB: 5.1 } },
  { page: 'challenge page', routeId: '/challenges/[challengeId]', budget: { jsKiB: 142.2, cssKiB: 5.9 } },
  { page: 'bid form', routeId: '/bids/[bidId]', budget: { jsKiB: 155.2, cssKiB: 7.0 } },
] as const;

export interface SiteFigure {
  page: string;
  jsGzipBytes: number;
  cssGzipBytes: number;
  files: number;
  budget: { jsKiB: number; cssKiB: number };
}

const root = join(import.meta.dirname, '../..');

/** JavaScript and CSS (gzip) of each page from web/build, built first if it is missing. */
export async function siteFigures(): Promise<SiteFigure[]> {
  const web = join(root, 'web');
  if (!existsSync(join(web, 'build/index.html')) || !existsSync(join(web, '.svelte-kit/output/client/.vite/manifest.json'))) {
    await runCommand('npm', ['run', 'build:web'], root);
  }
  const gzipped = (files: string[]) => files.reduce((sum, file) => sum + gzipSync(readFileSync(join(web, 'build', file))).length, 0);
  return sitePages.map(({ page, routeId, budget }) => {
    const { js, css } = pageAssets(web, routeId);
    return { page, jsGzipBytes: gzipped(js), cssGzipBytes: gzipped(css), files: js.length + css.length, budget };
  });
}
