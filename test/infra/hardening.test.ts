import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { deadlineJobFailed } from '#functions/events/deadline-jobs-log.ts';
import { originHeader } from '#functions/http/origin-header.ts';
import { routes } from '#functions/http/routes.ts';
import { signInRequestsPerClient, requestsPerClient } from '../../infra/edge-stack.ts';
import { routeThrottles, stageThrottle } from '../../infra/constructs/route-throttles.ts';
import { tableReads, tableWrites } from '../../infra/constructs/table-access.ts';
import { crossoverApp } from './crossover-app.ts';

/** The parts of the synthesised resources these tests read. */
interface Statement {
  Action: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
}
interface IamPolicy {
  Properties: { Roles: { Ref: string }[]; PolicyDocument: { Statement: Statement[] } };
}
interface LambdaFunction {
  Properties: { Description: string; Role: { 'Fn::GetAtt': [string, string] }; Environment: { Variables: Record<string, unknown> } };
}

describe('Hardening: what limits the AWS deployment puts on its own functions and on clients', () => {
  let api: Template;
  let web: Template;
  let edge: Template;
  let edgeRegion: string;

  beforeAll(() => {
    const stacks = crossoverApp();
    [api, web, edge] = [stacks.api, stacks.web, stacks.edge].map((stack) => Template.fromStack(stack)) as [Template, Template, Template];
    edgeRegion = stacks.edge.region;
  });

  const functionNamed = (text: string) => {
    const found = Object.values(api.findResources('AWS::Lambda::Function') as Record<string, LambdaFunction>).filter((fn) => fn.Properties.Description.includes(text));
    expect(found).toHaveLength(1);
    return found[0]!;
  };
  const statementsOf = (fn: LambdaFunction) => {
    const role = fn.Properties.Role['Fn::GetAtt'][0];
    return (Object.values(api.findResources('AWS::IAM::Policy')) as IamPolicy[])
      .filter((policy) => policy.Properties.Roles.some(({ Ref }) => Ref === role))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement);
  };
  const writeStatementOf = (fn: LambdaFunction) => statementsOf(fn).find((statement) => [statement.Action].flat().includes('dynamodb:PutItem'));

  it('lets no function scan the table or touch the table itself: item reads and writes only', () => {
    const dynamoActions = (Object.values(api.findResources('AWS::IAM::Policy')) as IamPolicy[])
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement)
      .flatMap((statement) => [statement.Action].flat())
      .filter((action) => action.startsWith('dynamodb:'));
    const streamReads = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'];
    expect(dynamoActions.length).toBeGreaterThan(0);
    expect([...new Set(dynamoActions)].filter((action) => ![...tableReads, ...tableWrites, ...streamReads].includes(action))).toEqual([]);
    expect(dynamoActions).not.toContain('dynamodb:Scan');
  });

  it('lets the outbox dispatcher write only outbox events, their recipient notes, its sent-email records and alert runs with their steps', () => {
    expect(writeStatementOf(functionNamed('outbox dispatcher'))?.Condition).toEqual({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['EVENT#*', 'RECIPIENT#*', 'IDEMPOTENCY#*', 'ALERTRUN#*', 'ALERTSTEP#*'] },
    });
  });

  it('lets the deadline closer write only challenges (and their audit lines), outbox events and question-deadline filings', () => {
    expect(writeStatementOf(functionNamed('deadline closer'))?.Condition).toEqual({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['CHALLENGE#*', 'EVENT#*', 'REMINDERS#*'] },
    });
  });

  it('lets the weekly digest write only alert runs and their first steps', () => {
    expect(writeStatementOf(functionNamed('weekly digest'))?.Condition).toEqual({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['ALERTRUN#*', 'ALERTSTEP#*'] },
    });
  });

  it('lets the mail feedback write only suppression list items', () => {
    expect(writeStatementOf(functionNamed('mail feedback'))?.Condition).toEqual({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['SUPPRESSED#*'] },
    });
  });

  it('throttles sign-in and every route that sends email on its own, tighter than the whole stage', () => {
    const stage = Object.values(api.findResources('AWS::ApiGatewayV2::Stage'))[0]!.Properties as {
      DefaultRouteSettings: { ThrottlingRateLimit: number; ThrottlingBurstLimit: number };
      RouteSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }>;
    };
    expect(stage.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: stageThrottle.rateLimit, ThrottlingBurstLimit: stageThrottle.burstLimit });
    const throttled = routes.filter((route) => routeThrottles[route.operationId]);
    expect(throttled.map((route) => route.operationId)).toEqual(expect.arrayContaining(['requestSignInCode', 'verifySignIn', 'inviteMember', 'invitePartner']));
    expect(Object.keys(stage.RouteSettings).sort()).toEqual(throttled.map((route) => `${route.method} ${route.path}`).sort());
    for (const route of throttled) {
      const setting = stage.RouteSettings[`${route.method} ${route.path}`]!;
      expect(setting.ThrottlingRateLimit).toBeLessThan(stageThrottle.rateLimit);
      expect(setting.ThrottlingBurstLimit).toBeLessThan(stageThrottle.burstLimit);
    }
  });

  it('has CloudFront send the origin secret to the API, resolved at deploy so the template never holds it', () => {
    const distribution = Object.values(web.findResources('AWS::CloudFront::Distribution'))[0]!.Properties as {
      DistributionConfig: { Origins: { CustomOriginConfig?: unknown; OriginCustomHeaders?: { HeaderName: string; HeaderValue: unknown }[] }[] };
    };
    const apiOrigin = distribution.DistributionConfig.Origins.find((origin) => origin.CustomOriginConfig);
    expect(apiOrigin?.OriginCustomHeaders).toHaveLength(1);
    expect(apiOrigin!.OriginCustomHeaders![0]!.HeaderName).toBe(originHeader);
    expect(JSON.stringify(apiOrigin!.OriginCustomHeaders![0]!.HeaderValue)).toMatch(/\{\{resolve:secretsmanager:.*:SecretString:::\}\}/);
  });

  it('gives every API function the origin secret to check requests against, and nothing else it', () => {
    api.hasResourceProperties('AWS::SecretsManager::Secret', { GenerateSecretString: Match.objectLike({ PasswordLength: 48 }) });
    const functions = Object.values(api.findResources('AWS::Lambda::Function') as Record<string, LambdaFunction>);
    for (const fn of functions) {
      const isApi = fn.Properties.Description.startsWith('Crossover API:');
      expect('ORIGIN_SECRET_ARN' in fn.Properties.Environment.Variables, fn.Properties.Description).toBe(isApi);
    }
  });

  it('puts a CLOUDFRONT-scope web ACL in us-east-1 that limits each client by IP, tighter for sign-in, and puts it in front of the distribution', () => {
    expect(edgeRegion).toBe('us-east-1');
    edge.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
      DefaultAction: { Allow: {} },
      Rules: Match.arrayWith([
        Match.objectLike({
          Name: 'SignInPerClient',
          Action: { Block: Match.objectLike({ CustomResponse: { ResponseCode: 429 } }) },
          Statement: {
            RateBasedStatement: Match.objectLike({
              AggregateKeyType: 'IP',
              Limit: signInRequestsPerClient,
              ScopeDownStatement: { ByteMatchStatement: Match.objectLike({ SearchString: '/api/auth/', PositionalConstraint: 'STARTS_WITH' }) },
            }),
          },
        }),
        Match.objectLike({ Name: 'RequestsPerClient', Statement: { RateBasedStatement: Match.objectLike({ AggregateKeyType: 'IP', Limit: requestsPerClient }) } }),
      ]),
    });
    const distribution = Object.values(web.findResources('AWS::CloudFront::Distribution'))[0]!.Properties as { DistributionConfig: { WebACLId?: unknown } };
    // The ARN crosses regions as an output of the us-east-1 stack that CloudFormation reads at deploy.
    expect(distribution.DistributionConfig.WebACLId).toMatchObject({ 'Fn::GetStackOutput': { StackName: 'CrossoverEdge', Region: 'us-east-1' } });
  });

  it('alarms as soon as the deadline jobs log a challenge they could not close or remind for', () => {
    api.hasResourceProperties('AWS::Logs::MetricFilter', {
      FilterPattern: `{ $.message = "${deadlineJobFailed}" }`,
      MetricTransformations: [Match.objectLike({ MetricName: 'DeadlineJobFailures', MetricNamespace: 'Crossover', MetricValue: '1' })],
    });
    api.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'DeadlineJobFailures',
      Namespace: 'Crossover',
      Threshold: 1,
      AlarmActions: [{ Ref: Match.stringLikeRegexp('AlertsTopic') }],
    });
  });
});
