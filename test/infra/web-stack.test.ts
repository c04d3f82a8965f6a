import { createHash } from 'node:crypto';
import { App, Stack } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import cdkJson from '../../cdk.json' with { type: 'json' };
import { WebStack } from '../../infra/web-stack.ts';
import { securityHeaders as localSecurityHeaders } from '#shared/security-headers.ts';
import { crossoverApp, noSiteBuild, writeSiteBuild } from './crossover-app.ts';

/** The parts of the synthesised resources these tests read. */
interface CacheBehavior {
  PathPattern?: string;
  TargetOriginId: string;
  ResponseHeadersPolicyId: { Ref: string };
  FunctionAssociations?: unknown[];
}
interface DistributionConfig {
  DefaultRootObject: string;
  Origins: {
    Id: string;
    DomainName: unknown;
    S3OriginConfig?: unknown;
    OriginAccessControlId?: unknown;
    CustomOriginConfig?: { OriginProtocolPolicy: string };
  }[];
  DefaultCacheBehavior: CacheBehavior;
  CacheBehaviors: CacheBehavior[];
  CustomErrorResponses?: unknown;
}
interface SecurityHeadersConfig {
  ContentSecurityPolicy?: { ContentSecurityPolicy: string; Override: boolean };
  FrameOptions: { FrameOption: string };
  StrictTransportSecurity: { AccessControlMaxAgeSec: number; IncludeSubdomains: boolean };
  ReferrerPolicy: { ReferrerPolicy: string };
}
interface Resource<Properties> {
  Properties: Properties;
}

const bootScript = 'console.log("boot")';
const cachingDisabled = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const allViewerExceptHostHeader = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

describe('Stack: WebStack', () => {
  let template: Template;
  let distribution: DistributionConfig;

  beforeAll(() => {
    const { web } = crossoverApp({ siteBuildDirectory: writeSiteBuild(bootScript) });
    template = Template.fromStack(web);
    const distributions = Object.values(template.findResources('AWS::CloudFront::Distribution')) as Resource<{
      DistributionConfig: DistributionConfig;
    }>[];
    expect(distributions).toHaveLength(1);
    distribution = distributions[0]!.Properties.DistributionConfig;
  });

  const securityHeaders = (policy: { Ref: string }) =>
    (
      template.findResources('AWS::CloudFront::ResponseHeadersPolicy') as Record<
        string,
        Resource<{ ResponseHeadersPolicyConfig: { SecurityHeadersConfig: SecurityHeadersConfig } }>
      >
    )[policy.Ref]!.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
  const apiBehaviour = () => distribution.CacheBehaviors.find((behaviour) => behaviour.PathPattern === '/api/*')!;

  it('keeps the site bucket private, encrypted, TLS-only and access-logged', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      LoggingConfiguration: { DestinationBucketName: Match.anyValue(), LogFilePrefix: 'site-bucket/' },
    });
    const buckets = Object.values(template.findResources('AWS::S3::Bucket')) as Resource<{
      PublicAccessBlockConfiguration: { BlockPublicPolicy: boolean };
    }>[];
    for (const bucket of buckets) expect(bucket.Properties.PublicAccessBlockConfiguration.BlockPublicPolicy).toBe(true);
    const policies = Object.values(template.findResources('AWS::S3::BucketPolicy')) as Resource<{
      PolicyDocument: { Statement: unknown[] };
    }>[];
    expect(policies).toHaveLength(buckets.length);
    for (const policy of policies) {
      expect(policy.Properties.PolicyDocument.Statement).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    }
  });

  it('reads the bucket through an origin access control, starting at index.html', () => {
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' },
    });
    expect(distribution.DefaultRootObject).toBe('index.html');
    const siteOrigin = distribution.Origins.find((origin) => origin.S3OriginConfig)!;
    expect(siteOrigin.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [expect.any(String), 'Id'] });
    expect(distribution.DefaultCacheBehavior.TargetOriginId).toBe(siteOrigin.Id);
  });

  it('sends /api/* uncached to the HTTP API, with every method and every viewer header but Host', () => {
    expect(apiBehaviour()).toMatchObject({
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      CachePolicyId: cachingDisabled,
      OriginRequestPolicyId: allViewerExceptHostHeader,
      ViewerProtocolPolicy: 'https-only',
    });
    const apiOrigin = distribution.Origins.find((origin) => origin.Id === apiBehaviour().TargetOriginId)!;
    expect(apiOrigin.CustomOriginConfig?.OriginProtocolPolicy).toBe('https-only');
    expect(JSON.stringify(apiOrigin.DomainName)).toContain('execute-api');
  });

  it('serves the app shell for client-side routes on the site behaviour only, never turning API errors into pages', () => {
    expect(distribution.CustomErrorResponses).toBeUndefined();
    expect(distribution.DefaultCacheBehavior.FunctionAssociations).toEqual([{ EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [expect.any(String), 'FunctionARN'] } }]);
    expect(apiBehaviour().FunctionAssociations).toBeUndefined();
  });

  it("puts CSP (with the build's boot script hash), HSTS, nosniff, DENY framing and a referrer policy on the site", () => {
    const headers = securityHeaders(distribution.DefaultCacheBehavior.ResponseHeadersPolicyId);
    const bootHash = createHash('sha256').update(bootScript).digest('base64');
    expect(headers.ContentSecurityPolicy).toEqual({
      ContentSecurityPolicy: expect.stringContaining(`script-src 'self' 'sha256-${bootHash}'`),
      Override: true,
    });
    expect(headers.ContentSecurityPolicy?.ContentSecurityPolicy).toContain("frame-ancestors 'none'");
    expect(headers.ContentSecurityPolicy?.ContentSecurityPolicy).not.toContain('unsafe-inline');
    expect(headers).toMatchObject({
      StrictTransportSecurity: { AccessControlMaxAgeSec: 63_072_000, IncludeSubdomains: true, Override: true },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
    });
  });

  it('sends the very headers the local server sends (shared/security-headers.ts), so local and AWS cannot drift', () => {
    type PolicyConfig = { SecurityHeadersConfig: SecurityHeadersConfig; CustomHeadersConfig: { Items: { Header: string; Value: string }[] } };
    const policies = template.findResources('AWS::CloudFront::ResponseHeadersPolicy') as Record<string, Resource<{ ResponseHeadersPolicyConfig: PolicyConfig }>>;
    const { SecurityHeadersConfig: headers, CustomHeadersConfig: custom } =
      policies[distribution.DefaultCacheBehavior.ResponseHeadersPolicyId.Ref]!.Properties.ResponseHeadersPolicyConfig;

    const sent: Record<string, string> = {
      'strict-transport-security': `max-age=${headers.StrictTransportSecurity.AccessControlMaxAgeSec}${headers.StrictTransportSecurity.IncludeSubdomains ? '; includeSubDomains' : ''}`,
      'x-content-type-options': 'nosniff',
      'x-frame-options': headers.FrameOptions.FrameOption,
      'referrer-policy': headers.ReferrerPolicy.ReferrerPolicy,
      ...Object.fromEntries(custom.Items.map(({ Header, Value }) => [Header.toLowerCase(), Value])),
    };

    expect(sent).toEqual(localSecurityHeaders);
  });

  it("puts the same headers on the API but leaves its pages' CSP to the API", () => {
    const headers = securityHeaders(apiBehaviour().ResponseHeadersPolicyId);
    expect(headers.ContentSecurityPolicy).toBeUndefined();
    expect(headers.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
    expect(headers.StrictTransportSecurity).toMatchObject({ IncludeSubdomains: true });
  });

  it('uploads hashed assets as immutable, then the pages uncached, then clears the CloudFront cache', () => {
    const deployments = Object.values(template.findResources('Custom::CDKBucketDeployment')) as Resource<{
      DestinationBucketKeyPrefix?: string;
    }>[];
    expect(deployments).toHaveLength(2);
    const assets = deployments.find((deployment) => deployment.Properties.DestinationBucketKeyPrefix === '_app/immutable/');
    const pages = deployments.find((deployment) => deployment !== assets);
    expect(assets!.Properties).toMatchObject({
      Prune: false,
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
    });
    expect(pages!.Properties).toMatchObject({
      Exclude: ['_app/immutable/*'],
      SystemMetadata: { 'cache-control': 'no-cache' },
      DistributionPaths: ['/*'],
    });
  });

  it('synthesises without a site build, deploying nothing and hashing no script', () => {
    const app = new App({ context: cdkJson.context, builtinCloudFormationValidation: false });
    const secrets = new Stack(app, 'Secrets');
    const web = new WebStack(app, 'Web', {
      apiDomainName: 'abc123.execute-api.eu-west-1.amazonaws.com',
      originSecret: Secret.fromSecretNameV2(secrets, 'OriginSecret', 'origin'),
      webAclArn: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/Crossover/473e64fd-f30b-4765-81a0-62ad96dd167a',
      settings: { siteBuildDirectory: noSiteBuild },
    });
    const withoutBuild = Template.fromStack(web);
    withoutBuild.resourceCountIs('Custom::CDKBucketDeployment', 0);
    withoutBuild.resourceCountIs('AWS::CloudFront::Distribution', 1);
    withoutBuild.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: { ContentSecurityPolicy: { ContentSecurityPolicy: Match.stringLikeRegexp("script-src 'self';") } },
      },
    });
  });
});
