import { z } from 'zod';

/**
 * The functions' configuration, read from the environment once at cold start.
 * A missing or malformed setting fails the cold start, not some request later.
 * Endpoints are only set locally (DynamoDB Local, aws-ses-v2-local); in AWS the SDK defaults apply.
 */
const httpUrl = () => z.url({ protocol: /^https?$/ });

const configSchema = z.object({
  TABLE_NAME: z.string().min(1),
  AWS_REGION: z.string().min(1).default('eu-west-1'),
  DYNAMODB_ENDPOINT: httpUrl().optional(),
  SES_ENDPOINT: httpUrl().optional(),
  MAIL_FROM: z.string().min(3).default('Crossover <noreply@crossover.local>'),
  /** Emails per second one sender hands to SES: the account's sending rate (SES's default for a new account is 14). */
  SES_MAX_SEND_RATE: z.coerce.number().positive().default(14),
  /** In AWS: the SES configuration set every email is sent with, which publishes its bounces and complaints. Unset locally. */
  SES_CONFIGURATION_SET: z.string().min(1).optional(),
  SITE_URL: httpUrl().default('http://localhost:3000'),
  APP_VERSION: z.string().min(1).default('0.0.0-dev'),
  /** Signs session cookies and keys the sign-in code hashes: set directly locally, or read from Secrets Manager in AWS. */
  SESSION_KEY: z.string().min(32).optional(),
  SESSION_SECRET_ARN: z.string().startsWith('arn:').optional(),
  /** In AWS: the secret CloudFront sends with every API request; a request without it is refused. Unset locally (no CloudFront). */
  ORIGIN_SECRET_ARN: z.string().startsWith('arn:').optional(),
  STAFF_EMAILS: z
    .string()
    .default('staff@crossover.local')
    .transform((list) =>
      list
        .split(',')
        .map((email) => email.trim().toLowerCase())
        .filter(Boolean),
    ),
  /** How many colleagues an organisation may invite per day (UTC): each invitation is an email from Crossover's domain. */
  MEMBER_INVITATIONS_PER_ORGANISATION_PER_DAY: z.coerce.number().int().positive().default(20),
  /** How many partner invitations a consortium bid may send per day (inviting, removing and inviting again included). */
  PARTNER_INVITATIONS_PER_BID_PER_DAY: z.coerce.number().int().positive().default(10),
  /** How many times a bid's lead may ask staff for help per day. */
  HELP_REQUESTS_PER_BID_PER_DAY: z.coerce.number().int().positive().default(3),
  /** How many amendments a published challenge may take per day; each emails every interested firm. */
  AMENDMENTS_PER_CHALLENGE_PER_DAY: z.coerce.number().int().positive().default(5),
  /** How many sign-in codes one client (a source IP) may ask for in 10 minutes, whatever the addresses. */
  SIGN_IN_CODES_PER_CLIENT: z.coerce.number().int().positive().default(30),
  /** How many sign-in attempts (code or link) one client may make in 10 minutes. */
  SIGN_IN_VERIFIES_PER_CLIENT: z.coerce.number().int().positive().default(60),
});

export type Config = z.infer<typeof configSchema>;

export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration: ${fields.join('; ')}`);
  }
  return parsed.data;
}

let cached: Config | undefined;

/** The configuration of this process, parsed on first use. */
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
