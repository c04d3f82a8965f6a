import { join } from 'node:path';
import { type Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
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

/**
 * A Crossover Lambda function: the TypeScript entry bundled by the local esbuild into one minified
 * ESM file for Node.js 22 on arm64, with its own log group and a role that may only write to it;
 * whatever else the function needs is granted by whoever creates it.
 */
export function bundledFunction(scope: Construct, id: string, props: BundledFunctionProps): NodejsFunction {
  const logGroup = new LogGroup(scope, `${id}Logs`, {
    retention: RetentionDays.ONE_MONTH,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const role = new Role(scope, `${id}Role`, {
    assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    description: `Runs: ${props.description}`,
  });
  logGroup.grantWrite(role);

  const fn = new NodejsFunction(scope, id, {
    entry: join(repositoryRoot, props.entry),
    projectRoot: repositoryRoot,
    depsLockFilePath: join(repositoryRoot, 'package-lock.json'),
    description: props.description,
    runtime: Runtime.NODEJS_22_X,
    architecture: Architecture.ARM_64,
    memorySize: props.memorySize ?? 1024,
    timeout: props.timeout,
    role,
    logGroup,
    environment: { ...props.environment, NODE_OPTIONS: '--enable-source-maps' },
    bundling: {
      format: OutputFormat.ESM,
      target: 'node22',
      mainFields: ['module', 'main'],
      minify: true,
      sourceMap: true,
      sourcesContent: false,
      // The SDK we test against, not whichever version the runtime happens to carry.
      bundleAwsSDK: true,
      // Some CommonJS dependencies call require() inside the ESM bundle.
      banner: "import { createRequire as topLevelCreateRequire } from 'node:module'; const require = topLevelCreateRequire(import.meta.url);",
      tsconfig: join(repositoryRoot, 'tsconfig.json'),
      forceDockerBundling: false,
    },
  });
  Validations.of(fn).acknowledge({
    id: 'AwsSolutions-L1',
    reason:
      'Pinned to Node.js 22 (LTS, supported by Lambda) on purpose: the runtime moves in a deliberate upgrade with the bundle target, not whenever CDK learns a newer one.',
  });
  return fn;
}
