import { CfnOutput, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { groups } from '#functions/http/groups.ts';
import { routes } from '#functions/http/routes.ts';
import { DeadlineCloser } from './constructs/deadline-closer.ts';
import { MailFeedback } from './constructs/mail-feedback.ts';
import { OperatorAlerts } from './constructs/operator-alerts.ts';
import { OutboxDispatcher } from './constructs/outbox-dispatcher.ts';
import { WeeklyDigest } from './constructs/weekly-digest.ts';
import { RouteTableApi } from './constructs/route-table-api.ts';
import type { MailIdentity } from './constructs/mail-identity.ts';
import type { Settings } from './settings.ts';

export interface ApiStackProps extends StackProps {
  table: ITable;
  mail: MailIdentity;
  sessionKey: ISecret;
  settings: Settings;
}

/** Everything that runs code and can be replaced at will: the HTTP API, its functions, the outbox dispatcher, the deadline closer, the mail feedback. */
export class ApiStack extends Stack {
  /** The execute-api host name CloudFront forwards `/api/*` to. */
  readonly apiDomainName: string;
  /** What CloudFront sends with every API request; the API functions refuse a request without it. */
  readonly originSecret: Secret;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { settings } = props;
    const environment = {
      TABLE_NAME: props.table.tableName,
      MAIL_FROM: `Crossover <${settings.senderAddress}>`,
      SITE_URL: settings.siteUrl,
      APP_VERSION: settings.appVersion,
      STAFF_EMAILS: settings.staffEmails.join(','),
      SESSION_SECRET_ARN: props.sessionKey.secretArn,
    };
    const alerts = new OperatorAlerts(this, 'Alerts', { email: settings.alarmEmail });
    this.originSecret = new Secret(this, 'OriginSecret', {
      description: 'Crossover: sent by CloudFront with every API request, so the execute-api endpoint cannot be used around it',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    Validations.of(this.originSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'CloudFront reads the value when CrossoverWeb deploys; to rotate it, put a new value and deploy CrossoverWeb (the functions pick it up within 5 minutes).',
    });
    const api = new RouteTableApi(this, 'Api', {
      routes,
      groups,
      table: props.table,
      mail: props.mail,
      sessionKey: props.sessionKey,
      originSecret: this.originSecret,
      environment,
      alerts,
    });
    new OutboxDispatcher(this, 'OutboxDispatcher', { table: props.table, mail: props.mail, sessionKey: props.sessionKey, environment, alerts });
    new DeadlineCloser(this, 'DeadlineCloser', { table: props.table, environment, alerts });
    new WeeklyDigest(this, 'WeeklyDigest', { table: props.table, environment, alerts });
    new MailFeedback(this, 'MailFeedback', { table: props.table, mail: props.mail, environment, alerts });

    this.apiDomainName = api.domainName;
    new CfnOutput(this, 'ApiEndpoint', { value: api.httpApi.apiEndpoint, description: 'The API without CloudFront (it refuses requests that did not come through CloudFront)' });
  }
}
