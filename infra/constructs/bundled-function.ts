import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { AssetHashType, DockerImage, type Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { repositoryRoot } from '../settings.ts';

export interface BundledFunctionProps {
  /** The handler module, relative to the repository root, e.g. `functions/events/outbox-dispatcher.ts`. */
  entry: string;
  description: string;
  environment: Record<string, string>;
  timeout: Duration;
  memorySize?: number;
}

const bundleScript = fileURLToPath(new URL('../bundling/bundle-function.ts', import.meta.url));

/** Bundles with the local esbuild, as infra/bundling/function-bundle.ts says, in a process of its own (esbuild's plugins are asynchronous, CDK's bundling is not). */
function bundleLocally(entry: string, outputDir: string): true {
  const run = spawnSync(process.execPath, ['--import', 'tsx', bundleScript, entry, outputDir], { cwd: repositoryRoot, stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`Bundling ${entry} failed (${run.error?.message ?? `exit ${run.status}`})`);
  return true;
}

/** A Crossover function as its constructs grant and watch it. */
export type BundledFunction = LambdaFunction;

/**
 * A Crossover Lambda function: the TypeScript entry bundled by the local esbuild into one minified
 * ESM file for Node.js 22 on arm64 (infra/bundling/function-bundle.ts), with its own log group and
 * a role that may only write to it; whatever else the function needs is granted by whoever creates it.
 */
export function bundledFunction(scope: Construct, id: string, props: BundledFunctionProps): BundledFunction {
  const logGroup = new LogGroup(scope, `${id}Logs`, {
    retention: RetentionDays.ONE_MONTH,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const role = new Role(scope, `${id}Role`, {
    assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    description: `Runs: ${props.description}`,
  });
  logGroup.grantWrite(role);

  const fn = new LambdaFunction(scope, id, {
    code: Code.fromAsset(repositoryRoot, {
      // Fingerprint what was bundled, not the repository.
      assetHashType: AssetHashType.OUTPUT,
      bundling: {
        // Never pulled: the bundle is built on this machine (the command also tells CDK's bundle cache the functions apart).
        image: DockerImage.fromRegistry('public.ecr.aws/sam/build-nodejs22.x'),
        command: ['bundle-function', props.entry],
        local: { tryBundle: (outputDir) => bundleLocally(props.entry, outputDir) },
      },
    }),
    handler: 'index.handler',
    description: props.description,
    runtime: Runtime.NODEJS_22_X,
    architecture: Architecture.ARM_64,
    memorySize: props.memorySize ?? 1024,
    timeout: props.timeout,
    role,
    logGroup,
    environment: props.environment,
  });
  Validations.of(fn).acknowledge({
    id: 'AwsSolutions-L1',
    reason: 'Pinned to Node.js 22 (LTS, supported by Lambda) on purpose: the runtime moves in a deliberate upgrade with the bundle target, not whenever CDK learns a newer one.',
  });
  return fn;
}
