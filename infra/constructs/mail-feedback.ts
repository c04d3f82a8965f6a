import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { ConfigurationSetEventDestination, EmailSendingEvent, EventDestination } from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { bundledFunction, type BundledFunction } from './bundled-function.ts';
import type { MailIdentity } from './mail-identity.ts';
import type { OperatorAlerts } from './operator-alerts.ts';
import { grantTableAccess } from './table-access.ts';

export interface MailFeedbackProps {
  table: ITable;
  mail: MailIdentity;
  environment: Record<string, string>;
  alerts: OperatorAlerts;
}

/**
 * What recipients' mail servers say back: the configuration set every email is sent with publishes
 * its bounces and complaints to an SNS topic, whose function puts the addresses on Crossover's
 * suppression list (`SUPPRESSED#` items, nothing else). A notification the function fails on is
 * retried by Lambda, then parked in an alarmed queue.
 */
export class MailFeedback extends Construct {
  readonly topic: Topic;
  readonly function: BundledFunction;
  readonly failedNotifications: Queue;

  constructor(scope: Construct, id: string, props: MailFeedbackProps) {
    super(scope, id);
    // The notifications name recipients: the topic keeps them encrypted with a key SES may use.
    const key = new Key(this, 'TopicKey', { description: 'Crossover: encrypts the bounce and complaint notifications SES publishes', enableKeyRotation: true });
    key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('ses.amazonaws.com')],
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    this.topic = new Topic(this, 'Topic', { displayName: 'Crossover mail bounces and complaints', masterKey: key, enforceSSL: true });
    new ConfigurationSetEventDestination(this, 'BouncesAndComplaints', {
      configurationSet: props.mail.configurationSet,
      destination: EventDestination.snsTopic(this.topic),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });

    this.failedNotifications = new Queue(this, 'FailedNotifications', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.failedNotifications).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: "This queue is itself the suppression function's failure destination; it is alarmed and read by an operator.",
    });

    this.function = bundledFunction(this, 'Function', {
      entry: 'functions/events/ses-notifications.ts',
      description: 'Crossover mail feedback: puts addresses that bounce for good or complain on the suppression list',
      environment: props.environment,
      timeout: Duration.seconds(30),
      memorySize: 256,
    });
    grantTableAccess(this.function, props.table, 'readWrite', { writesOnly: ['SUPPRESSED#'] });
    this.function.configureAsyncInvoke({ retryAttempts: 2, maxEventAge: Duration.hours(6), onFailure: new SqsDestination(this.failedNotifications) });
    this.topic.addSubscription(new LambdaSubscription(this.function));

    props.alerts.alarmWhen('MailFeedbackErrors', this.function.metricErrors(), 'Putting a bounced or complaining address on the suppression list failed (it is retried)');
    props.alerts.alarmWhen(
      'UnrecordedMailFeedback',
      this.failedNotifications.metricApproximateNumberOfMessagesVisible(),
      'A bounce or complaint could not be recorded after every retry: mail may still go to that address',
    );
  }
}
