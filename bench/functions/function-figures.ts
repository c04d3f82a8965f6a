import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Timing } from '../side-by-side.ts';
import { bytesByModule } from './bundle-modules.ts';
import { cdkBundles } from './cdk-bundles.ts';
import { coldImports } from './cold-import.ts';
import { dynamoDbClientBundle } from './dynamodb-client-bundle.ts';

export interface FunctionFigures {
  baseline: { bytes: number; coldImport: Timing };
  functions: { name: string; bytes: number; gzipBytes: number; nodeOptions: string; coldImport: Timing }[];
  largest: { name: string; modules: { module: string; bytes: number }[] };
}

// What a cold start reads before any request: enough configuration for the modules to load.
const importEnvironment = { TABLE_NAME: 'crossover-bench', AWS_REGION: 'eu-west-1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

/** Every function bundle as CDK builds it: its size, its cold import against the DynamoDB client's, and what fills the largest. */
export async function functionFigures(rounds: number): Promise<FunctionFigures> {
  const directory = mkdtempSync(join(tmpdir(), 'crossover-bench-functions-'));
  try {
    const bundles = cdkBundles(join(directory, 'cdk.out'));
    const baselineFile = await dynamoDbClientBundle(directory);
    const [baseline, ...timings] = coldImports([{ file: baselineFile, nodeOptions: '' }, ...bundles], rounds, importEnvironment);
    const functions = bundles.map((bundle, index) => {
      const code = readFileSync(bundle.file);
      return { name: bundle.name, bytes: code.length, gzipBytes: gzipSync(code).length, nodeOptions: bundle.nodeOptions, coldImport: timings[index]! };
    });
    const largest = bundles[functions.reduce((best, entry, index) => (entry.bytes > functions[best]!.bytes ? index : best), 0)]!;
    return {
      baseline: { bytes: statSync(baselineFile).size, coldImport: baseline! },
      functions,
      largest: { name: largest.name, modules: bytesByModule(largest.file).slice(0, 12) },
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
