import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Node } from 'constructs';
import { z } from 'zod';
import packageJson from '../package.json' with { type: 'json' };

/** The repository root; CDK reaches handler entry files and the site build by path, never by import. */
export const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

/** A context value left empty in cdk.json means "not set". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' || value === null ? undefined : value), schema.optional());

const contextSchema = z.object({
  region: z.string().min(1).default('eu-west-1'),
  domainName: optional(z.hostname()),
  certificateArn: optional(z.string().startsWith('arn:aws:acm:us-east-1:')),
  siteUrl: optional(z.url({ protocol: /^https$/ })),
  senderAddress: optional(z.email()),
  staffEmails: z
    .string()
    .transform((list) =>
      list
        .split(',')
        .map((email) => email.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.email()).min(1)),
  alarmEmail: optional(z.email()),
  appVersion: z.string().min(1).default(packageJson.version),
});

/** What an operator chooses per deployment, from the CDK context (cdk.json or `-c crossover:<key>=<value>`). */
export interface Settings {
  region: string;
  /** The site's own domain; served by CloudFront only together with `certificateArn`. */
  domainName?: string;
  /** An ACM certificate in us-east-1 covering `domainName`. */
  certificateArn?: string;
  /** The address in every email's From; its domain is the SES identity. */
  senderAddress: string;
  senderDomain: string;
  /** Where email links point: `crossover:siteUrl`, else https://`domainName`. */
  siteUrl: string;
  staffEmails: string[];
  /** Who is told when an alarm fires; unset, alarms still show in CloudWatch. */
  alarmEmail?: string;
  appVersion: string;
  /** The SvelteKit static build; deployed only when it exists. */
  siteBuildDirectory: string;
}

export function readSettings(node: Node): Settings {
  const keys = Object.keys(contextSchema.shape) as (keyof typeof contextSchema.shape)[];
  const context = Object.fromEntries(keys.map((key) => [key, node.tryGetContext(`crossover:${key}`)]));
  const parsed = contextSchema.safeParse(context);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `crossover:${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid CDK context: ${fields.join('; ')}`);
  }
  const { domainName, senderAddress, siteUrl, ...rest } = parsed.data;
  const sender = senderAddress ?? (domainName ? `noreply@${domainName}` : undefined);
  if (!sender) throw new Error('Invalid CDK context: set crossover:domainName or crossover:senderAddress');
  // The functions need the site's address before the distribution (and its domain) exists.
  const site = siteUrl ?? (domainName ? `https://${domainName}` : undefined);
  if (!site) {
    throw new Error('Invalid CDK context: without crossover:domainName, set crossover:siteUrl (the SiteUrl output of the CrossoverWeb stack) so email links reach the site');
  }
  return {
    ...rest,
    domainName,
    senderAddress: sender,
    senderDomain: sender.slice(sender.indexOf('@') + 1),
    siteUrl: site.replace(/\/$/, ''),
    siteBuildDirectory: join(repositoryRoot, 'web', 'build'),
  };
}
