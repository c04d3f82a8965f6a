import { Duration, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { bundledFunction, type BundledFunction } from './bundled-function.ts';
import type { MailIdentity } from './mail-identity.ts';
import type { OperatorAlerts } from './operator-alerts.ts';
import { grantTableAccess } from './table-access.ts';

export interface OutboxDispatcherProps {
  table: ITable;
  mail: MailIdentity;
  /** Signs each recipient's unsubscribe link in non-transactional email. */
  sessionKey: ISecret;
  environment: Record<string, string>;
  alerts: OperatorAlerts;
}

/** The key prefixes of outbox events (`EVENT#<id>`) and alert run steps (`ALERTSTEP#<run>#<n>`); nothing else on the stream reaches the dispatcher. */
const dispatchedKeyPrefixes = ['EVENT#', 'ALERTSTEP#'];

/**
 * Mails the outbox: the table's stream hands each newly written outbox event to the dispatcher.
 * A batch it cannot finish (SES down) is retried, halved on each failure to isolate the record
 * at fault; what still fails after the retries lands in an alarmed queue for an operator to
 * re-drive (the event itself stays pending in the table).
 */
export class OutboxDispatcher extends Construct {
  readonly function: BundledFunction;
  readonly failedBatches: Queue;

  constructor(scope: Construct, id: string, props: OutboxDispatcherProps) {
    super(scope, id);
    this.function = bundledFunction(this, 'Function', {
      entry: 'functions/events/outbox-dispatcher.ts',
      description: 'Crossover outbox dispatcher: mails new outbox events and fans alert runs out into them',
      environment: props.environment,
      timeout: Duration.minutes(1),
      memorySize: 512,
    });
    // Reads the event, notes its recipients, remembers each email sent, marks the event delivered (adding to its alert run's
    // counts); turns each alert run step into a chunk event and the next step: those items only.
    grantTableAccess(this.function, props.table, 'readWrite', { writesOnly: ['EVENT#', 'RECIPIENT#', 'IDEMPOTENCY#', 'ALERTRUN#', 'ALERTSTEP#'] });
    props.mail.grantSend(this.function);
    props.sessionKey.grantRead(this.function);

    this.failedBatches = new Queue(this, 'FailedBatches', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.failedBatches).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: "This queue is itself the dispatcher's failure destination; it is alarmed and drained by an operator.",
    });

    this.function.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 10,
        bisectBatchOnError: true,
        retryAttempts: 10,
        // A stream keeps records for 24 hours; retrying longer is impossible anyway.
        maxRecordAge: Duration.hours(24),
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(this.failedBatches),
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('INSERT'),
            dynamodb: { NewImage: { pk: { S: dispatchedKeyPrefixes.flatMap((prefix) => FilterRule.beginsWith(prefix)) } } },
          }),
        ],
      }),
    );
    Validations.of(this.function.role!).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'dynamodb:ListStreams has no resource-level permissions; the stream read itself is scoped to this table.',
    });

    props.alerts.alarmWhen('Errors', this.function.metricErrors(), 'The outbox dispatcher failed (emails are being retried)');
    props.alerts.alarmWhen(
      'UndeliveredBatches',
      this.failedBatches.metricApproximateNumberOfMessagesVisible(),
      'Outbox events gave up after every retry: their emails are not sent until re-driven',
    );
  }
}
