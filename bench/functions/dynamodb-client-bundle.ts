import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * The yardstick of issue 11's cold-import target: the DynamoDB client alone, bundled as the
 * functions are (one minified ESM file for Node 22), and a client made, as any function does.
 */
export async function dynamoDbClientBundle(directory: string): Promise<string> {
  const entry = join(directory, 'dynamodb-client-entry.mjs');
  const outfile = join(directory, 'dynamodb-client.mjs');
  writeFileSync(entry, "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport const client = new DynamoDBClient({});\n");
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    mainFields: ['module', 'main'],
    nodePaths: [join(import.meta.dirname, '../../node_modules')],
    banner: { js: "import { createRequire as topLevelCreateRequire } from 'node:module'; const require = topLevelCreateRequire(import.meta.url);" },
    logLevel: 'error',
  });
  return outfile;
}
