import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { type CfnStage, HttpApi, HttpMethod, HttpRoute, HttpRouteKey, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { GroupPermissions, RouteDefinition, RouteGroup } from '#functions/http/route.ts';
import type { OperationId } from '#functions/http/routes.ts';
import { bundledFunction, type BundledFunction } from './bundled-function.ts';
import type { MailIdentity } from './mail-identity.ts';
import type { OperatorAlerts } from './operator-alerts.ts';
import { routeThrottles, stageThrottle } from './route-throttles.ts';
import { grantTableAccess } from './table-access.ts';

export interface RouteTableApiProps {
  routes: readonly RouteDefinition[];
  groups: Record<RouteGroup, GroupPermissions>;
  table: ITable;
  mail: MailIdentity;
  /** Every group reads it: any request may carry a session cookie to check. */
  sessionKey: ISecret;
  /** Every group reads it: a request without it did not come through CloudFront and is refused. */
  originSecret: ISecret;
  environment: Record<string, string>;
  alerts: OperatorAlerts;
}

/** The module CDK bundles for a group: a path only, so synth never runs handler code. */
const groupEntry = (group: RouteGroup) => `functions/http/handlers/${group}/index.ts`;

/**
 * The HTTP API, built by walking the route table: one function per route group, granted exactly
 * what `groups` says, and one API route per table entry pointing at its group's function.
 */
export class RouteTableApi extends Construct {
  readonly httpApi: HttpApi;
  /** The execute-api host name, for CloudFront's `/api/*` origin. */
  readonly domainName: string;

  constructor(scope: Construct, id: string, props: RouteTableApiProps) {
    super(scope, id);
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Crossover API, generated from the route table',
      createDefaultStage: false,
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: stageThrottle,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: accessLogFormat },
    });
    // HttpStage has no per-route settings; the stage resource does (keyed by route key, e.g. `POST /api/auth/code`; a JSON property, so CloudFormation's own casing).
    (stage.node.defaultChild as CfnStage).routeSettings = Object.fromEntries(
      props.routes.flatMap((route) => {
        const throttle = routeThrottles[route.operationId as OperationId];
        return throttle ? [[`${route.method} ${route.path}`, { ThrottlingRateLimit: throttle.rateLimit, ThrottlingBurstLimit: throttle.burstLimit }]] : [];
      }),
    );
    this.domainName = `${this.httpApi.apiId}.execute-api.${Stack.of(this).region}.${Stack.of(this).urlSuffix}`;

    const functions = new Map<RouteGroup, BundledFunction>();
    for (const group of new Set(props.routes.map((route) => route.group))) {
      const fn = bundledFunction(this, `${group}Group`, {
        entry: groupEntry(group),
        description: `Crossover API: the ${group} routes`,
        environment: { ...props.environment, ORIGIN_SECRET_ARN: props.originSecret.secretArn },
        timeout: Duration.seconds(10),
      });
      grantGroupPermissions(fn, props.groups[group], props);
      props.sessionKey.grantRead(fn);
      props.originSecret.grantRead(fn);
      props.alerts.alarmWhen(`${group}GroupErrors`, fn.metricErrors(), `The ${group} API function failed`);
      functions.set(group, fn);
    }

    const integrations = new Map([...functions].map(([group, fn]) => [group, new HttpLambdaIntegration(`${group}Integration`, fn)]));
    for (const route of props.routes) {
      this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: integrations.get(route.group)!,
      });
    }
    // Requests no route takes go to the system group, which answers 404 or 405 as problem+json
    // (API Gateway's own answer would be a bare {"message":"Not Found"}).
    new HttpRoute(this.httpApi, 'DefaultRoute', {
      httpApi: this.httpApi,
      routeKey: HttpRouteKey.DEFAULT,
      integration: integrations.get('system')!,
    });
    props.alerts.alarmWhen('ServerErrors', this.httpApi.metricServerError(), 'The API answered with a 5xx');

    Validations.of(this.httpApi).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason: "Authorisation is each route's `access` rule from the route table, enforced by the group function; public routes are public by design.",
    });
  }
}

function grantGroupPermissions(fn: BundledFunction, permissions: GroupPermissions, { table, mail }: Pick<RouteTableApiProps, 'table' | 'mail'>): void {
  if (permissions.table !== 'none') grantTableAccess(fn, table, permissions.table);
  if (permissions.sendEmail) mail.grantSend(fn);
}

const accessLogFormat = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    time: '$context.requestTime',
    route: '$context.routeKey',
    status: '$context.status',
    latency: '$context.responseLatency',
    length: '$context.responseLength',
    integrationError: '$context.integrationErrorMessage',
  }),
);
