import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  FunctionEventType,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, type CfnBucket, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { originHeader } from '#functions/http/origin-header.ts';
import { securityHeaders } from './constructs/security-headers.ts';
import { siteRoutes } from './constructs/site-routes.ts';
import { siteContentSecurityPolicy } from './content-security-policy.ts';
import type { Settings } from './settings.ts';

export interface WebStackProps extends StackProps {
  /** The execute-api host name `/api/*` goes to. */
  apiDomainName: string;
  /** Sent with every request to the API, which refuses requests without it. */
  originSecret: ISecret;
  /** The web ACL (us-east-1) that limits each client before its requests reach the site or the API. */
  webAclArn: string;
  settings: Pick<Settings, 'domainName' | 'certificateArn' | 'siteBuildDirectory'>;
}

/** SvelteKit's build output; a new build keeps these names, so they may be cached for good. */
const immutableAssets = '_app/immutable';

/** The site: static files in a private bucket, served with the API under one CloudFront domain. */
export class WebStack extends Stack {
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    const { settings } = props;

    const logs = new Bucket(this, 'Logs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logging writes through an ACL grant.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
    });

    const site = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'site-bucket/',
    });

    // Only a certificate of our own lets CloudFront serve the domain, and raise the TLS floor.
    const customDomain =
      settings.domainName && settings.certificateArn
        ? {
            domainNames: [settings.domainName],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', settings.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : undefined;

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Crossover: the site, and /api/* to the HTTP API',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(site),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: securityHeaders(this, 'SiteHeaders', {
          comment: 'Crossover site: security headers and CSP',
          contentSecurityPolicy: siteContentSecurityPolicy(settings.siteBuildDirectory),
        }),
        functionAssociations: [{ eventType: FunctionEventType.VIEWER_REQUEST, function: siteRoutes(this, 'SiteRoutes') }],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new HttpOrigin(props.apiDomainName, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            // A dynamic reference, resolved by CloudFormation at deploy: the value never appears in the template.
            customHeaders: { [originHeader]: props.originSecret.secretValue.unsafeUnwrap() },
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // API Gateway routes on its own host name, so the viewer's Host must not reach it.
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: securityHeaders(this, 'ApiHeaders', { comment: 'Crossover API: security headers' }),
        },
      },
      ...customDomain,
      webAclId: props.webAclArn,
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason: 'The marketplace is public: anyone may browse challenges and the directory from anywhere.',
      },
      ...(customDomain
        ? []
        : [
            {
              id: 'AwsSolutions-CFR4',
              reason:
                'Without crossover:domainName and crossover:certificateArn the site is served on the default *.cloudfront.net certificate, whose minimum protocol CloudFront fixes.',
            },
          ]),
    );

    if (existsSync(join(settings.siteBuildDirectory, 'index.html'))) this.deploySite(site, settings.siteBuildDirectory);
    new CfnOutput(this, 'SiteUrl', { value: `https://${this.distribution.distributionDomainName}` });
  }

  /**
   * Uploads the build: hashed assets first (cached for a year, old ones kept so open tabs still
   * load), then the pages (never cached without revalidation), then the CloudFront cache is cleared.
   */
  private deploySite(site: Bucket, buildDirectory: string): void {
    const assets = new BucketDeployment(this, 'DeployAssets', {
      sources: [Source.asset(join(buildDirectory, immutableAssets))],
      destinationBucket: site,
      destinationKeyPrefix: `${immutableAssets}/`,
      cacheControl: [CacheControl.setPublic(), CacheControl.maxAge(Duration.days(365)), CacheControl.immutable()],
      prune: false,
    });
    const pages = new BucketDeployment(this, 'DeployPages', {
      sources: [Source.asset(buildDirectory, { exclude: [`${immutableAssets}/**`] })],
      destinationBucket: site,
      exclude: [`${immutableAssets}/*`],
      cacheControl: [CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/*'],
    });
    pages.node.addDependency(assets);

    const handler = this.node.children.find((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (!handler) return;
    const siteArn = `<${this.resolve(this.getLogicalId(site.node.defaultChild as CfnBucket))}.Arn>`;
    const cdkAssets = `arn:aws:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${this.region}`;
    const reason =
      "CDK's own BucketDeployment handler, its runtime chosen by CDK: the basic Lambda execution role, copying the build from CDK's asset bucket into the site bucket and invalidating the distribution.";
    Validations.of(handler).acknowledge(
      ...[
        'AwsSolutions-L1',
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        'AwsSolutions-IAM5[Resource::*]',
        'AwsSolutions-IAM5[Action::s3:GetBucket*]',
        'AwsSolutions-IAM5[Action::s3:GetObject*]',
        'AwsSolutions-IAM5[Action::s3:List*]',
        'AwsSolutions-IAM5[Action::s3:Abort*]',
        'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
        `AwsSolutions-IAM5[Resource::${cdkAssets}/*]`,
        `AwsSolutions-IAM5[Resource::${siteArn}/*]`,
      ].map((id) => ({ id, reason })),
    );
  }
}
