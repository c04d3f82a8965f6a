import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableSchema } from '#functions/data/table-schema.ts';
import { crossoverApp } from './crossover-app.ts';

describe('Stack: DataStack', () => {
  let template: Template;

  beforeAll(() => {
    const { data } = crossoverApp();
    template = Template.fromStack(data);
  });

  it('keys the one table by pk and sk with the three overloaded indexes, all attributes projected', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: tableSchema.globalIndexes.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    });
    const keyNames = ['pk', 'sk', ...tableSchema.globalIndexes.flatMap((index) => [index.partitionKey, index.sortKey])];
    const { Properties } = Object.values(template.findResources('AWS::DynamoDB::Table'))[0]!;
    expect(Properties.AttributeDefinitions).toEqual(expect.arrayContaining(keyNames.map((name) => ({ AttributeName: name, AttributeType: 'S' }))));
    expect(Properties.AttributeDefinitions).toHaveLength(keyNames.length);
  });

  it('bills on demand, expires items by expiresAt and streams new and old images', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
  });

  it('keeps the table through mistakes: point-in-time recovery, deletion protection, retained on stack removal', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
      }),
    });
  });

  it("verifies the sender domain in SES with a configuration set that leaves suppression to Crossover's own list", () => {
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'crossover.example.org',
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: Match.stringLikeRegexp('ConfigurationSet') } },
    });
    template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      // An empty list: SES keeps no list of its own for this set, so an address staff lift gets mail again.
      SuppressionOptions: { SuppressedReasons: [] },
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
    });
  });

  it('keeps a generated 64-character session key in Secrets Manager, retained', () => {
    template.hasResource('AWS::SecretsManager::Secret', {
      Properties: { GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true } },
      DeletionPolicy: 'Retain',
    });
  });

  it('publishes the three DKIM records the domain needs as stack outputs', () => {
    const dkimOutputs = Object.keys(template.findOutputs('*')).filter((id) => id.includes('DkimRecord'));
    expect(dkimOutputs).toHaveLength(3);
  });
});
