import { CfnOutput, Stack } from 'aws-cdk-lib';
import { Grant } from 'aws-cdk-lib/aws-iam';
import { ConfigurationSet, ConfigurationSetTlsPolicy, EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import type { BundledFunction } from './bundled-function.ts';

export interface MailIdentityProps {
  /** The domain of the sender address. */
  domain: string;
}

/**
 * The SES domain identity Crossover sends from, with its default configuration set: mail leaves
 * only over TLS, and bounces and complaints are published (mail-feedback.ts) to Crossover's own
 * suppression list. SES's suppression list is off for this configuration set, so that Crossover's
 * list is the only one: an address staff lift there receives mail again, which it would not while
 * SES kept its own entry.
 * DNS is not managed here: the DKIM records are stack outputs for whoever runs the zone.
 */
export class MailIdentity extends Construct {
  readonly identity: EmailIdentity;
  readonly configurationSet: ConfigurationSet;

  constructor(scope: Construct, id: string, props: MailIdentityProps) {
    super(scope, id);
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      disableSuppressionList: true,
      tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE,
      reputationMetrics: true,
    });
    this.identity = new EmailIdentity(this, 'Identity', {
      identity: Identity.domain(props.domain),
      configurationSet: this.configurationSet,
    });
    this.identity.dkimRecords.forEach((record, index) => {
      new CfnOutput(this, `DkimRecord${index + 1}`, {
        description: `DKIM CNAME record ${index + 1} for ${props.domain}`,
        value: `${record.name} CNAME ${record.value}`,
      });
    });
  }

  /**
   * Lets `fn` send raw MIME mail from this identity with its configuration set, and tells it the set's
   * name (`SES_CONFIGURATION_SET`), so every email it sends reports its bounces and complaints.
   */
  grantSend(fn: BundledFunction): Grant {
    fn.addEnvironment('SES_CONFIGURATION_SET', this.configurationSet.configurationSetName);
    const configurationSetArn = Stack.of(this).formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSet.configurationSetName,
    });
    return Grant.addToPrincipal({
      grantee: fn,
      actions: ['ses:SendRawEmail'],
      resourceArns: [this.identity.emailIdentityArn, configurationSetArn],
    });
  }
}
