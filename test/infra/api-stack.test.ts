import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '#functions/http/routes.ts';
import { apiBundleBudgetBytes } from '../../infra/bundling/function-bundle.ts';
import { crossoverApp } from './crossover-app.ts';

/** The parts of the synthesised resources these tests read. */
interface LambdaFunction {
  Properties: {
    Description: string;
    Role: { 'Fn::GetAtt': [string, string] };
    Code: { S3Key: string };
    Environment: { Variables: Record<string, unknown> };
  };
}
interface IamPolicy {
  Properties: { Roles: { Ref: string }[]; PolicyDocument: { Statement: { Action: string | string[] }[] } };
}
interface ApiRoute {
  Properties: { RouteKey: string; Target: { 'Fn::Join': [string, [string, { Ref: string }]] } };
}
interface ApiIntegration {
  Properties: { IntegrationUri: unknown };
}
interface EventSourceMapping {
  Properties: { EventSourceArn: unknown; FilterCriteria: { Filters: { Pattern: string }[] } };
}
interface MetricAlarm {
  Properties: { MetricName?: string; Dimensions?: { Value: { Ref: string } }[] };
}

const routeGroups = [...new Set(routes.map((route) => route.group))];
/** What each API group may touch, as the product needs it: only sign-in codes and a staff re-drive mail directly; the rest goes through the outbox. */
const groupAccess = [
  ['system', 'read', 'no mail'],
  ['account', 'read and write', 'sending mail'],
  ['organisations', 'read and write', 'no mail'],
  ['staff', 'read and write', 'sending mail'],
  ['directory', 'read', 'no mail'],
  ['challenges', 'read and write', 'no mail'],
  ['bids', 'read and write', 'no mail'],
  ['evaluation', 'read and write', 'no mail'],
] as const;
const sendsMail = (group: string) => groupAccess.some(([named, , mail]) => named === group && mail === 'sending mail');
const tableWrites = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

describe('Stack: ApiStack', () => {
  let template: Template;
  let assemblyDirectory: string;

  beforeAll(() => {
    const { app, api } = crossoverApp({ bundle: true });
    template = Template.fromStack(api);
    assemblyDirectory = app.outdir;
    // esbuild bundles every function, one after another: minutes on a busy two-core machine.
  }, 600_000);

  const functionsByLogicalId = () => template.findResources('AWS::Lambda::Function') as Record<string, LambdaFunction>;
  /** The function serving `group`, told apart by its description. */
  const groupFunction = (group: string): [string, LambdaFunction] => {
    const found = Object.entries(functionsByLogicalId()).filter(([, fn]) => fn.Properties.Description === `Crossover API: the ${group} routes`);
    expect(found).toHaveLength(1);
    return found[0]!;
  };
  /** Every action the function's role may take, on anything. */
  const allowedActions = (fn: LambdaFunction): string[] => {
    const roleLogicalId = fn.Properties.Role['Fn::GetAtt'][0];
    const policies = Object.values(template.findResources('AWS::IAM::Policy')) as IamPolicy[];
    return policies
      .filter((policy) => policy.Properties.Roles.some((role) => role.Ref === roleLogicalId))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement)
      .flatMap((statement) => [statement.Action].flat());
  };

  it('runs one function per route group plus the outbox dispatcher, the deadline closer, the weekly digest and the mail feedback, all on Node.js 22 and arm64', () => {
    const functions = Object.values(functionsByLogicalId());
    expect(functions).toHaveLength(routeGroups.length + 4);
    for (const fn of functions) {
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], Handler: 'index.handler' });
      // The API functions also check that each request came through CloudFront.
      const apiOnly = fn.Properties.Description.startsWith('Crossover API:') ? ['ORIGIN_SECRET_ARN'] : [];
      // Those that send mail send it with the configuration set that reports bounces and complaints.
      const mailing = allowedActions(fn).includes('ses:SendRawEmail') ? ['SES_CONFIGURATION_SET'] : [];
      expect(Object.keys(fn.Properties.Environment.Variables).sort()).toEqual(
        ['APP_VERSION', 'MAIL_FROM', ...apiOnly, ...mailing, 'SESSION_SECRET_ARN', 'SITE_URL', 'STAFF_EMAILS', 'TABLE_NAME'].sort(),
      );
      expect(fn.Properties.Environment.Variables).toMatchObject({
        MAIL_FROM: 'Crossover <noreply@crossover.example.org>',
        SITE_URL: 'https://crossover.example.org',
      });
    }
  });

  it('bundles each function into one ESM file with a require() shim and a source map beside it that the runtime never loads', () => {
    for (const fn of Object.values(functionsByLogicalId())) {
      expect(fn.Properties.Environment.Variables).not.toHaveProperty('NODE_OPTIONS');
      const assetHash = String(fn.Properties.Code.S3Key).replace(/\.zip$/, '');
      const bundle = join(assemblyDirectory, `asset.${assetHash}`, 'index.mjs');
      const code = readFileSync(bundle, 'utf8');
      expect(code.startsWith("import { createRequire as topLevelCreateRequire } from 'node:module';")).toBe(true);
      expect(code).toMatch(/export\s*\{[^}]*\bas handler\b[^}]*\}/);
      expect(existsSync(`${bundle}.map`)).toBe(true);
    }
  });

  it('keeps each API function within its bundle budget, with mail code only where it sends email itself', () => {
    for (const group of routeGroups) {
      const [, fn] = groupFunction(group);
      const bundle = join(assemblyDirectory, `asset.${String(fn.Properties.Code.S3Key).replace(/\.zip$/, '')}`, 'index.mjs');
      const sources = (JSON.parse(readFileSync(`${bundle}.map`, 'utf8')) as { sources: string[] }).sources;
      const sendEmail = sendsMail(group);
      expect(statSync(bundle).size, group).toBeLessThanOrEqual(apiBundleBudgetBytes[sendEmail ? 'sendsEmail' : 'sendsNoEmail']);
      expect(
        sources.some((source) => source.includes('node_modules/nodemailer/')),
        group,
      ).toBe(sendEmail);
      // zod's English messages, none of its other 63 locales; and no AWS credential chain beyond Lambda's environment.
      expect(
        sources
          .filter((source) => source.includes('zod/v4/locales/'))
          .map((source) => source.replace(/^.*locales\//, ''))
          .sort(),
        group,
      ).toEqual(['en.js', 'english-only.js']);
      expect(
        sources.filter((source) => /credential-provider-(node|sso|ini|web-identity)/.test(source)),
        group,
      ).toEqual([]);
    }
  });

  it('leaves the local server and its test controls out of every bundle, though the domain clock is in', () => {
    for (const fn of Object.values(functionsByLogicalId())) {
      const bundle = join(assemblyDirectory, `asset.${String(fn.Properties.Code.S3Key).replace(/\.zip$/, '')}`, 'index.mjs');
      // The source map names every module that put code in the bundle.
      const sources = (JSON.parse(readFileSync(`${bundle}.map`, 'utf8')) as { sources: string[] }).sources.map((source) => source.replaceAll('\\', '/'));
      const code = readFileSync(bundle, 'utf8');
      expect(
        sources.filter((source) => source.includes('functions/local/')),
        fn.Properties.Description,
      ).toEqual([]);
      expect(
        sources.some((source) => source.endsWith('functions/clock.ts')),
        fn.Properties.Description,
      ).toBe(true);
      expect(code).not.toContain('__test__');
      expect(code).not.toContain('CROSSOVER_TEST_CONTROLS');
    }
  });

  it('creates one API route per route-table entry, integrated with its group function', () => {
    const apiRoutes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')) as ApiRoute[];
    expect(apiRoutes).toHaveLength(routes.length + 1);
    const integrations = template.findResources('AWS::ApiGatewayV2::Integration') as Record<string, ApiIntegration>;
    for (const route of routes) {
      const apiRoute = apiRoutes.find((candidate) => candidate.Properties.RouteKey === `${route.method} ${route.path}`);
      expect(apiRoute, `${route.method} ${route.path}`).toBeDefined();
      const integrationId = apiRoute!.Properties.Target['Fn::Join'][1][1].Ref;
      const [functionId] = groupFunction(route.group);
      expect(integrations[integrationId]!.Properties.IntegrationUri).toEqual({ 'Fn::GetAtt': [functionId, 'Arn'] });
    }
  });

  it('sends requests no route takes to the system group, which answers 404 and 405', () => {
    const apiRoutes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')) as ApiRoute[];
    const fallback = apiRoutes.find((candidate) => candidate.Properties.RouteKey === '$default');
    const integrations = template.findResources('AWS::ApiGatewayV2::Integration') as Record<string, ApiIntegration>;
    const integrationId = fallback!.Properties.Target['Fn::Join'][1][1].Ref;
    expect(integrations[integrationId]!.Properties.IntegrationUri).toEqual({ 'Fn::GetAtt': [groupFunction('system')[0], 'Arn'] });
  });

  it('lets every API group read the session key, since any request may carry a session cookie', () => {
    for (const group of routeGroups) {
      expect(allowedActions(groupFunction(group)[1]), group).toContain('secretsmanager:GetSecretValue');
    }
  });

  it('states the access of every route group below, so a new group cannot go unchecked', () => {
    expect([...routeGroups].sort()).toEqual(groupAccess.map(([group]) => group).sort());
  });

  it.each(groupAccess)('grants the %s group %s on the table and %s', (group, table, mail) => {
    const actions = allowedActions(groupFunction(group)[1]);
    const reads = actions.includes('dynamodb:GetItem') && actions.includes('dynamodb:Query');
    const writes = tableWrites.filter((action) => actions.includes(action));
    expect(reads).toBe(true);
    expect(writes).toEqual(table === 'read and write' ? tableWrites : []);
    expect(actions.includes('ses:SendRawEmail')).toBe(mail === 'sending mail');
    // Besides the table and mail: its logs, and reading the session key and the origin secret (checked below).
    const others = actions.filter((action) => !/^(dynamodb|ses):|^logs:(CreateLogStream|PutLogEvents)$/.test(action));
    expect([...new Set(others)].sort()).toEqual(['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue']);
  });

  it('names the table indexes one by one instead of granting index/*', () => {
    const resources = JSON.stringify(template.findResources('AWS::IAM::Policy'));
    expect(resources).not.toContain('/index/*');
    expect(resources).toContain('/index/gsi1');
  });

  it('feeds the dispatcher only newly inserted outbox events, bisecting failing batches and parking what still fails', () => {
    const mappings = Object.values(template.findResources('AWS::Lambda::EventSourceMapping')) as EventSourceMapping[];
    expect(mappings).toHaveLength(1);
    const mapping = mappings[0]!.Properties;
    const queueId = Object.keys(template.findResources('AWS::SQS::Queue'))[0];
    expect(mapping).toMatchObject({
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 10,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 10,
      MaximumRecordAgeInSeconds: 86_400,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
    });
    expect(JSON.stringify(mapping.EventSourceArn)).toContain('StreamArn');
    expect(mapping.FilterCriteria.Filters.map((filter) => JSON.parse(filter.Pattern))).toEqual([
      { eventName: ['INSERT'], dynamodb: { NewImage: { pk: { S: [{ prefix: 'EVENT#' }, { prefix: 'ALERTSTEP#' }] } } } },
    ]);
  });

  it('starts the weekly digest from EventBridge Scheduler on Monday 08:00 Amsterdam time, writing only alert runs and their steps', () => {
    const [digest] = Object.entries(functionsByLogicalId()).filter(([, fn]) => String(fn.Properties.Description).includes('weekly digest'));
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 8 ? * MON *)',
      ScheduleExpressionTimezone: 'Europe/Amsterdam',
      State: 'ENABLED',
      Target: Match.objectLike({ Arn: { 'Fn::GetAtt': [digest![0], 'Arn'] }, RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 3 }) }),
    });
    const actions = allowedActions(digest![1]);
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:PutItem']));
    expect(actions.filter((action) => action.startsWith('ses:'))).toEqual([]);
  });

  it('lets the dispatcher mark events delivered and send mail', () => {
    const [dispatcher] = Object.values(functionsByLogicalId()).filter((fn) => String(fn.Properties.Description).includes('outbox dispatcher'));
    const actions = allowedActions(dispatcher!);
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:UpdateItem', 'ses:SendRawEmail', 'sqs:SendMessage']));
  });

  it('lets the dispatcher read the session key, which signs the unsubscribe link of each non-transactional email', () => {
    const [dispatcher] = Object.values(functionsByLogicalId()).filter((fn) => String(fn.Properties.Description).includes('outbox dispatcher'));
    expect(allowedActions(dispatcher!)).toContain('secretsmanager:GetSecretValue');
    expect(dispatcher!.Properties.Environment.Variables).toHaveProperty('SESSION_SECRET_ARN');
  });

  it('runs the deadline closer every five minutes from an EventBridge rule, with write access to the table only', () => {
    const [closer] = Object.entries(functionsByLogicalId()).filter(([, fn]) => String(fn.Properties.Description).includes('deadline closer'));
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(5 minutes)',
      State: 'ENABLED',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [closer![0], 'Arn'] } })],
    });
    const actions = allowedActions(closer![1]);
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:UpdateItem', 'dynamodb:PutItem']));
    expect(actions.filter((action) => action.startsWith('ses:'))).toEqual([]);
  });

  it('encrypts the failure queue and alarms as soon as it holds a message', () => {
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Namespace: 'AWS/SQS',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: [{ Ref: Match.stringLikeRegexp('AlertsTopic') }],
    });
  });

  it("alarms on every function's errors and on the API's 5xx answers", () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')) as MetricAlarm[];
    const erroringFunctions = alarms
      .filter((alarm) => alarm.Properties.MetricName === 'Errors')
      .map((alarm) => alarm.Properties.Dimensions?.[0]?.Value.Ref)
      .sort();
    expect(erroringFunctions).toEqual(Object.keys(functionsByLogicalId()).sort());
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { Namespace: 'AWS/ApiGateway', MetricName: '5xx' });
  });

  it('logs every API request and throttles the stage', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
    });
  });
});
