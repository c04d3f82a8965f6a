import { dirname, join, resolve } from 'node:path';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { repositoryRoot } from '../settings.ts';

/** The bundle's main file; Lambda's handler is its `handler` export. */
export const bundleFile = 'index.mjs';

/**
 * The most an API function's bundle may weigh, minified. Issue 11 aims at 600 KB; ElectroDB
 * (CommonJS, so nothing of its 190 KB is shaken off, plus the 28 KB jsonschema it requires),
 * zod's classic API (about 190 KB without its locales) and the DynamoDB client (about 190 KB)
 * already come to that, so these budgets hold what was won (no zod locales, no mail code where no
 * mail is sent, no credential chain) instead, with a little room for what features add. The mail stack (nodemailer's composer, templates,
 * the sent-email memory) adds about 250 KB where a function sends mail itself, and the site's own
 * words for disciplines, sectors and the like (web/messages, read whole: about 140 KB) that alerts name.
 * Every function also carries the secret reader that signs unsubscribe links (about 5 KB).
 */
export const apiBundleBudgetBytes = { sendsNoEmail: 940_000, sendsEmail: 1_320_000 } as const;

/**
 * zod's own schemas register its English messages themselves (classic/schemas.js imports
 * locales/en.js); the index of all 64 locales (about 260 KB minified) is only reachable as
 * `z.locales`, which Crossover never reads. esbuild cannot shake it off (`z` is a namespace
 * object), so the index resolves to English alone.
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(bundle) {
    bundle.onResolve({ filter: /\/locales\/index\.js$/ }, ({ importer, path }) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(importer) ? { path: join(dirname(importer), dirname(path), 'english-only.js'), namespace: 'zod-english-only' } : undefined,
    );
    bundle.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, ({ path }) => ({
      contents: 'export { default as en } from "./en.js";',
      resolveDir: dirname(path),
      loader: 'js',
    }));
  },
};

/**
 * How every Crossover function is bundled: one minified ESM file for Node.js 22 with the AWS SDK
 * we test against (not whichever version the runtime carries), and a source map beside it that
 * the runtime never reads (no `--enable-source-maps`: it slows every cold start and every stack
 * trace); download the function's code to read a stack trace against it.
 */
export function bundleOptions(entry: string, outdir: string): BuildOptions {
  return {
    entryPoints: [resolve(repositoryRoot, entry)],
    outfile: join(outdir, bundleFile),
    absWorkingDir: repositoryRoot,
    tsconfig: join(repositoryRoot, 'tsconfig.json'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    mainFields: ['module', 'main'],
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    // Some CommonJS dependencies call require() inside the ESM bundle.
    banner: { js: "import { createRequire as topLevelCreateRequire } from 'node:module'; const require = topLevelCreateRequire(import.meta.url);" },
    plugins: [zodEnglishOnly],
    alias: { '@aws-sdk/credential-provider-node': './functions/lambda-credentials.ts' },
    metafile: true,
    logLevel: 'warning',
  };
}

/** Bundles one function's entry (relative to the repository root, or absolute) into `outdir`. */
export const bundleFunction = (entry: string, outdir: string) => build(bundleOptions(entry, outdir));
