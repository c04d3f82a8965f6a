import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { routes } from '../functions/http/routes.ts';
import { bundleFile, bundleFunction } from '../infra/bundling/function-bundle.ts';

/**
 * `node --import tsx bench/function-bundles.ts [runs] [--json]`: each API function's bundle as CDK
 * builds it (infra/bundling/function-bundle.ts), its size, and how long a fresh Node.js process
 * takes to import it (the module work of a cold start), as the median of several runs, against a
 * bundle of the DynamoDB client alone built the same way.
 */
const runs = Number(process.argv.find((argument) => /^\d+$/.test(argument)) ?? 9);
const asJson = process.argv.includes('--json');
const work = mkdtempSync(join(tmpdir(), 'crossover-bundles-'));

const print = (line: string) => process.stdout.write(`${line}\n`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Milliseconds from starting `import()` to its end, in a new process each run. */
function coldImportMs(bundle: string): number {
  const probe = `const start = performance.now(); await import(${JSON.stringify(pathToFileURL(bundle).href)}); console.log(performance.now() - start);`;
  const times = Array.from({ length: runs }, () =>
    Number(execFileSync(process.execPath, ['--input-type=module', '-e', probe], { env: { PATH: process.env.PATH, TABLE_NAME: 'crossover', AWS_REGION: 'eu-west-1' } }).toString()),
  );
  return median(times);
}

async function measure(name: string, entry: string) {
  const outdir = join(work, name);
  const { metafile } = await bundleFunction(entry, outdir);
  const code = readFileSync(join(outdir, bundleFile));
  const largest = Object.entries(Object.values(metafile!.outputs).find((output) => output.entryPoint)!.inputs)
    .map(([module, { bytesInOutput }]) => ({ module: module.replace(/^.*node_modules\//, ''), bytes: bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 5);
  return { name, bytes: code.length, gzipBytes: gzipSync(code).length, coldImportMs: coldImportMs(join(outdir, bundleFile)), largest };
}

try {
  const baseline = await measure('DynamoDB client alone', 'bench/dynamodb-client-alone.ts');
  const groups = [...new Set(routes.map((route) => route.group))];
  const functions = [];
  for (const group of groups) functions.push(await measure(group, `functions/http/handlers/${group}/index.ts`));
  const rows = [baseline, ...functions].map((row) => ({ ...row, coldImportRatio: row.coldImportMs / baseline.coldImportMs }));
  if (asJson) print(JSON.stringify({ runs, functions: rows }, null, 2));
  else {
    print(`function                 KB minified  KB gzip  cold import ms (median of ${runs})  ratio to the DynamoDB client`);
    for (const row of rows) {
      const cells = [row.name.padEnd(24), (row.bytes / 1024).toFixed(0).padStart(11), (row.gzipBytes / 1024).toFixed(0).padStart(8), row.coldImportMs.toFixed(1).padStart(30), row.coldImportRatio.toFixed(2).padStart(29)];
      print(cells.join('  '));
    }
    const biggest = rows.slice(1).sort((a, b) => b.bytes - a.bytes)[0]!;
    print(`\nlargest modules of ${biggest.name}: ${biggest.largest.map(({ module, bytes }) => `${module} ${(bytes / 1024).toFixed(0)} KB`).join(', ')}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
