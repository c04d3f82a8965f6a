import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { summary, type Timing } from '../side-by-side.ts';

const importScript = `const started = performance.now(); await import(process.argv[1]); console.log(performance.now() - started);`;

/**
 * How long a fresh Node takes to import each file (what a cold start spends before the handler
 * runs), each in a new process with its own NODE_OPTIONS, the files taking turns round by round.
 */
export function coldImports(files: { file: string; nodeOptions: string }[], rounds: number, environment: Record<string, string>): Timing[] {
  const samples = files.map(() => [] as number[]);
  for (let round = 0; round < rounds; round += 1) {
    for (const [index, { file, nodeOptions }] of files.entries()) {
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', importScript, pathToFileURL(file).href], {
        encoding: 'utf8',
        timeout: 30_000,
        env: { ...process.env, ...environment, NODE_OPTIONS: nodeOptions },
      });
      const elapsed = Number(run.stdout.trim().split('\n').at(-1));
      if (run.status !== 0 || !Number.isFinite(elapsed)) throw new Error(`Importing ${file} failed: ${run.stderr}`);
      samples[index]!.push(elapsed);
    }
  }
  return samples.map(summary);
}
