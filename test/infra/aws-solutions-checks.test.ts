import type { Stack } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { crossoverApp, writeSiteBuild } from './crossover-app.ts';

/** The AWS Solutions findings on `stack` that no acknowledgement (with its reason) covers. */
const unacknowledgedFindings = (stack: Stack) =>
  new AwsSolutionsChecks().validateScope(stack).violations.map((violation) => ({
    rule: violation.ruleName,
    severity: violation.severity,
    resources: violation.violatingResources.map((resource) => resource.constructPath),
  }));

const deployments: { deployment: string; context: Record<string, string> }[] = [
  { deployment: 'on the CloudFront domain', context: {} },
  {
    deployment: 'on its own domain, with an alarm email',
    context: {
      'crossover:certificateArn': 'arn:aws:acm:us-east-1:123456789012:certificate/0d3b1c1e-7b5a-4f6e-9f5e-2a1b3c4d5e6f',
      'crossover:alarmEmail': 'ops@crossover.example.org',
    },
  },
];

describe.each(deployments)('AWS Solutions checks: Crossover $deployment', ({ context }) => {
  let stacks: ReturnType<typeof crossoverApp>;

  beforeAll(() => {
    stacks = crossoverApp({ siteBuildDirectory: writeSiteBuild('console.log("boot")'), context, validateTemplates: true });
    // As in `cdk synth`: CDK's template validation and the AWS Solutions checks fail synthesis on any finding.
    stacks.app.synth();
  });

  it.each(['data', 'api', 'edge', 'web'] as const)('leaves no error or warning unacknowledged in the %s stack', (name) => {
    expect(unacknowledgedFindings(stacks[name])).toEqual([]);
  });
});
