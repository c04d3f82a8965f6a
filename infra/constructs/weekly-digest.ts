import { Duration, Stack, TimeZone, Validations, type CfnElement } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import { bundledFunction, type BundledFunction } from './bundled-function.ts';
import type { OperatorAlerts } from './operator-alerts.ts';
import { grantTableAccess } from './table-access.ts';

export interface WeeklyDigestProps {
  table: ITable;
  environment: Record<string, string>;
  alerts: OperatorAlerts;
}

/** Monday 08:00 in Amsterdam, summer and winter alike: the week's digest lands at the start of the working week. */
export const digestSchedule = 'cron(0 8 ? * MON *)';

/**
 * Starts last week's digest from EventBridge Scheduler (the local server runs the same handler on
 * a timer). It writes only the run and its first step; the outbox dispatcher walks the run from the
 * table's stream and mails it, so this function sends nothing itself.
 */
export class WeeklyDigest extends Construct {
  readonly function: BundledFunction;

  constructor(scope: Construct, id: string, props: WeeklyDigestProps) {
    super(scope, id);
    this.function = bundledFunction(this, 'Function', {
      entry: 'functions/events/weekly-digest.ts',
      description: "Crossover weekly digest: starts last week's digest of new challenges for weekly subscribers",
      environment: props.environment,
      timeout: Duration.minutes(1),
      memorySize: 256,
    });
    grantTableAccess(this.function, props.table, 'readWrite', { writesOnly: ['ALERTRUN#', 'ALERTSTEP#'] });
    const invoker = new Role(this, 'Invoker', { assumedBy: new ServicePrincipal('scheduler.amazonaws.com'), description: 'EventBridge Scheduler invokes the weekly digest' });
    new Schedule(this, 'Schedule', {
      description: "Start last week's digest of new challenges",
      schedule: ScheduleExpression.expression(digestSchedule, TimeZone.of('Europe/Amsterdam')),
      // A second start in the same week starts nothing, so retrying is safe.
      target: new LambdaInvoke(this.function, { retryAttempts: 3, role: invoker }),
    });
    const functionId = Stack.of(this).getLogicalId(this.function.node.defaultChild as CfnElement);
    Validations.of(invoker).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${functionId}.Arn>:*]`,
      reason: "The scheduler target grants invoking the function's versions too (`<arn>:*`); the role can invoke this one function only.",
    });
    props.alerts.alarmWhen(
      'WeeklyDigestErrors',
      this.function.metricErrors(),
      "Starting the weekly digest failed (the schedule retries; `npm run digest`'s AWS twin is invoking the function)",
    );
  }
}
