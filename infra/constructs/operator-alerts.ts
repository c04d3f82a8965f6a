import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, type Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export interface OperatorAlertsProps {
  /** Who receives alarm notifications; unset, alarms only show in CloudWatch. */
  email?: string;
}

/** The topic every Crossover alarm notifies, and the one way alarms are made. */
export class OperatorAlerts extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: OperatorAlertsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', { displayName: 'Crossover alarms', enforceSSL: true });
    if (props.email) this.topic.addSubscription(new EmailSubscription(props.email));
  }

  /** Raises an alarm as soon as `metric` reaches `threshold` in a five-minute period. */
  alarmWhen(id: string, metric: Metric, description: string, threshold = 1): Alarm {
    const alarm = new Alarm(this, id, {
      metric: metric.with({ period: Duration.minutes(5) }),
      alarmDescription: description,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    return alarm;
  }
}
