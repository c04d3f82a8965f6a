import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ApiStack } from './api-stack.ts';
import { DataStack } from './data-stack.ts';
import { EdgeStack } from './edge-stack.ts';
import type { Settings } from './settings.ts';
import { WebStack } from './web-stack.ts';

/**
 * Crossover on AWS: the stateful stack (table, mail identity), the stateless API stack and the
 * site, wired by props, every stack checked against the AWS Solutions rules.
 */
export function defineCrossover(app: App, settings: Settings) {
  const env = { region: settings.region };
  const data = new DataStack(app, 'CrossoverData', {
    env,
    description: 'Crossover: the table, the mail identity and the session key (retained)',
    senderDomain: settings.senderDomain,
  });
  const api = new ApiStack(app, 'CrossoverApi', {
    env,
    description: 'Crossover: the HTTP API, its functions and the outbox dispatcher',
    table: data.table,
    mail: data.mail,
    sessionKey: data.sessionKey,
    settings,
  });
  // A web ACL for CloudFront must live in us-east-1; CDK hands its ARN across regions (through SSM parameters).
  const edge = new EdgeStack(app, 'CrossoverEdge', {
    env: { region: 'us-east-1' },
    description: 'Crossover: the web ACL in front of CloudFront (us-east-1, where CloudFront needs it)',
    crossRegionReferences: true,
  });
  const web = new WebStack(app, 'CrossoverWeb', {
    env,
    crossRegionReferences: true,
    description: 'Crossover: the site on S3 and CloudFront, with /api/* routed to the API',
    apiDomainName: api.apiDomainName,
    webAclArn: edge.webAcl.attrArn,
    originSecret: api.originSecret,
    settings,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { data, api, edge, web };
}
