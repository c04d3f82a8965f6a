import { Stack, type StackProps } from 'aws-cdk-lib';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

/** Requests one client (source IP) may make in five minutes, to anything: a person browsing makes a few hundred at most. */
export const requestsPerClient = 1000;
/** Requests one client may make in five minutes to sign-in (codes and verification): a person needs a handful. */
export const signInRequestsPerClient = 50;

/**
 * What CloudFront needs from us-east-1, whatever region Crossover runs in: the web ACL in front of
 * the distribution (a CLOUDFRONT-scope web ACL can only live there). It limits each client by its
 * IP, so one client's burst is refused at the edge instead of using up the API's stage-wide limit
 * for everyone, and it blocks addresses on AWS's IP reputation list.
 */
export class EdgeStack extends Stack {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const visibility = (metricName: string) => ({ cloudWatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true });
    const limitPerClient = (name: string, priority: number, limit: number, scopeDownStatement?: CfnWebACL.StatementProperty): CfnWebACL.RuleProperty => ({
      name,
      priority,
      action: { block: { customResponse: { responseCode: 429 } } },
      statement: { rateBasedStatement: { aggregateKeyType: 'IP', evaluationWindowSec: 300, limit, ...(scopeDownStatement && { scopeDownStatement }) } },
      visibilityConfig: visibility(name),
    });

    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      description: 'Crossover: a rate limit per client, tighter for sign-in, and AWS IP reputation',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('Crossover'),
      rules: [
        limitPerClient('SignInPerClient', 0, signInRequestsPerClient, {
          byteMatchStatement: {
            fieldToMatch: { uriPath: {} },
            positionalConstraint: 'STARTS_WITH',
            searchString: '/api/auth/',
            textTransformations: [{ priority: 0, type: 'LOWERCASE' }],
          },
        }),
        limitPerClient('RequestsPerClient', 1, requestsPerClient),
        {
          name: 'IpReputation',
          priority: 2,
          overrideAction: { none: {} },
          statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesAmazonIpReputationList' } },
          visibilityConfig: visibility('IpReputation'),
        },
      ],
    });
  }
}
