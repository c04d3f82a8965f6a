import { RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { tableSchema } from '#functions/data/table-schema.ts';
import { MailIdentity } from './constructs/mail-identity.ts';

export interface DataStackProps extends StackProps {
  senderDomain: string;
}

/** What must outlive any deployment: the one table, the mail identity and the session key. */
export class DataStack extends Stack {
  readonly table: Table;
  readonly mail: MailIdentity;
  /** Signs session cookies and keys the sign-in code hashes. */
  readonly sessionKey: Secret;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);

    this.table = new Table(this, 'Table', {
      partitionKey: { name: tableSchema.partitionKey, type: AttributeType.STRING },
      sortKey: { name: tableSchema.sortKey, type: AttributeType.STRING },
      timeToLiveAttribute: tableSchema.ttlAttribute,
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // The outbox dispatcher reads new events from here; old images let later consumers see transitions.
      stream: StreamViewType.NEW_AND_OLD_IMAGES,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of tableSchema.globalIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }

    this.mail = new MailIdentity(this, 'Mail', { domain: props.senderDomain });

    this.sessionKey = new Secret(this, 'SessionKey', {
      description: 'Crossover: signs session cookies and keys sign-in code hashes',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.sessionKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'Rotating the key signs everyone out and voids codes in flight; it is rotated by hand (put a new value), which functions pick up within 5 minutes.',
    });
  }
}
