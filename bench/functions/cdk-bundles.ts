import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crossoverApp } from '../../test/infra/crossover-app.ts';

export interface FunctionBundle {
  /** The function's construct id in the API stack, e.g. `ApichallengesGroup`. */
  name: string;
  file: string;
  /** NODE_OPTIONS as the function's environment sets it (Lambda starts Node with them). */
  nodeOptions: string;
}

interface LambdaResource {
  Type: string;
  Properties: { Code?: { S3Key?: string }; Environment?: { Variables?: Record<string, string> } };
}

/**
 * Synthesises the API stack with bundling on, into `outdir`, so each bundle is exactly the one CDK
 * would upload (whatever bundling options infra/ sets), and finds each function's index.mjs.
 */
export function cdkBundles(outdir: string): FunctionBundle[] {
  process.env.CDK_OUTDIR = outdir;
  const { app } = crossoverApp({ bundle: true });
  const assembly = app.synth();
  const stack = assembly.stacks.find((candidate) => candidate.stackName === 'CrossoverApi');
  if (!stack) throw new Error('The synthesised app has no CrossoverApi stack');
  const resources = (JSON.parse(readFileSync(stack.templateFullPath, 'utf8')) as { Resources: Record<string, LambdaResource> }).Resources;
  return Object.entries(resources).flatMap(([logicalId, resource]) => {
    const key = resource.Properties.Code?.S3Key;
    if (resource.Type !== 'AWS::Lambda::Function' || !key) return [];
    const file = join(assembly.directory, `asset.${key.replace(/\.zip$/, '')}`, 'index.mjs');
    if (!existsSync(file)) return [];
    // Logical ids end in an 8-character hash CDK adds to the construct id.
    return [{ name: logicalId.replace(/[0-9A-F]{8}$/, ''), file, nodeOptions: resource.Properties.Environment?.Variables?.['NODE_OPTIONS'] ?? '' }];
  });
}
