import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { FilterPattern } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { deadlineJobFailed } from '#functions/events/deadline-jobs-log.ts';
import { bundledFunction, type BundledFunction } from './bundled-function.ts';
import type { OperatorAlerts } from './operator-alerts.ts';
import { grantTableAccess } from './table-access.ts';

export interface DeadlineCloserProps {
  table: ITable;
  environment: Record<string, string>;
  alerts: OperatorAlerts;
}

/** How often the deadline jobs run; pages already show a challenge past its deadline as closed in between. */
export const closeSchedule = Duration.minutes(5);

/**
 * Closes published challenges whose bid deadline has passed and reminds firms with an unsubmitted
 * bid 48 hours before a deadline, on an EventBridge schedule (the local server runs the same
 * handler on a timer). Its emails go through the outbox, so it only needs the table.
 */
export class DeadlineCloser extends Construct {
  readonly function: BundledFunction;

  constructor(scope: Construct, id: string, props: DeadlineCloserProps) {
    super(scope, id);
    this.function = bundledFunction(this, 'Function', {
      entry: 'functions/events/close-challenges.ts',
      description: 'Crossover deadline closer: closes challenges past their bid deadline, reminds firms with unsubmitted bids and followers of question deadlines',
      environment: props.environment,
      timeout: Duration.minutes(2),
      memorySize: 512,
    });
    // It changes challenges (with their audit lines), writes the emails they owe and takes question deadlines off their list, nothing else.
    grantTableAccess(this.function, props.table, 'readWrite', { writesOnly: ['CHALLENGE#', 'EVENT#', 'REMINDERS#'] });
    new Rule(this, 'Schedule', {
      description: 'Close challenges whose bid deadline has passed; remind firms with unsubmitted bids',
      schedule: Schedule.rate(closeSchedule),
      targets: [new LambdaFunction(this.function, { retryAttempts: 2 })],
    });
    props.alerts.alarmWhen('DeadlineCloserErrors', this.function.metricErrors(), 'Closing challenges past their deadline or reminding firms of it failed');
    // One challenge that fails no longer fails the run (the others go on), so its logged failure is what raises the alarm.
    const failedChallenges = this.function.logGroup.addMetricFilter('FailedChallenges', {
      filterPattern: FilterPattern.stringValue('$.message', '=', deadlineJobFailed),
      metricNamespace: 'Crossover',
      metricName: 'DeadlineJobFailures',
      metricValue: '1',
    });
    props.alerts.alarmWhen(
      'DeadlineJobFailures',
      failedChallenges.metric({ statistic: 'Sum' }),
      'A challenge could not be closed or reminded for (its reason is in the log); every run tries it again',
    );
  }
}
