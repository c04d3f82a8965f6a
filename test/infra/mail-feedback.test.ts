import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { crossoverApp } from './crossover-app.ts';

interface LambdaFunction {
  Properties: { Description: string; Environment: { Variables: Record<string, unknown> } };
}

describe('Construct: MailFeedback', () => {
  let api: Template;

  beforeAll(() => {
    api = Template.fromStack(crossoverApp().api);
  });

  const functions = () => Object.entries(api.findResources('AWS::Lambda::Function') as Record<string, LambdaFunction>);
  const feedbackFunction = () => functions().find(([, fn]) => fn.Properties.Description.includes('mail feedback'))!;

  it("publishes the configuration set's bounces and complaints, and only those, to an encrypted topic", () => {
    const topicId = Object.keys(api.findResources('AWS::SNS::Topic', { Properties: { DisplayName: 'Crossover mail bounces and complaints' } }))[0];
    expect(topicId).toBeDefined();
    api.hasResourceProperties('AWS::SNS::Topic', { DisplayName: 'Crossover mail bounces and complaints', KmsMasterKeyId: Match.anyValue() });
    api.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: Match.anyValue(),
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: ['bounce', 'complaint'],
        SnsDestination: { TopicARN: { Ref: topicId } },
      },
    });
    // SES may publish to the topic and use its key.
    api.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'sns:Publish', Effect: 'Allow', Principal: { Service: 'ses.amazonaws.com' } })]) },
    });
    api.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'ses.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
            Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
          }),
        ]),
      },
    });
  });

  it('hands each notification to the suppression function, parking what fails after two retries in an alarmed queue', () => {
    const [functionId] = feedbackFunction();
    api.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'lambda', Endpoint: { 'Fn::GetAtt': [functionId, 'Arn'] } });
    api.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: functionId },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
    api.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Errors', Dimensions: [{ Name: 'FunctionName', Value: { Ref: functionId } }] });
  });

  it('has every function that sends mail send it with the configuration set, and no other function told of it', () => {
    const policies = Object.values(api.findResources('AWS::IAM::Policy')) as {
      Properties: { Roles: { Ref: string }[]; PolicyDocument: { Statement: { Action: string | string[] }[] } };
    }[];
    const sendingRoles = new Set(
      policies
        .filter((policy) => policy.Properties.PolicyDocument.Statement.some((statement) => [statement.Action].flat().includes('ses:SendRawEmail')))
        .flatMap((policy) => policy.Properties.Roles.map((role) => role.Ref)),
    );
    const all = api.findResources('AWS::Lambda::Function') as Record<string, LambdaFunction & { Properties: { Role: { 'Fn::GetAtt': [string, string] } } }>;
    const told = Object.values(all).filter((fn) => 'SES_CONFIGURATION_SET' in fn.Properties.Environment.Variables);
    expect(told.map((fn) => fn.Properties.Description).sort()).toEqual(
      Object.values(all)
        .filter((fn) => sendingRoles.has(fn.Properties.Role['Fn::GetAtt'][0]))
        .map((fn) => fn.Properties.Description)
        .sort(),
    );
    expect(told.map((fn) => fn.Properties.Description)).toEqual(
      expect.arrayContaining([
        'Crossover API: the account routes',
        'Crossover API: the staff routes',
        'Crossover outbox dispatcher: mails new outbox events and fans alert runs out into them',
      ]),
    );
    for (const fn of told) expect(JSON.stringify(fn.Properties.Environment.Variables['SES_CONFIGURATION_SET'])).toContain('ConfigurationSet');
  });
});
