/**
 * How the AWS SDK clients (DynamoDB, SES) wait and retry. The SDK's defaults wait on a connection
 * for as long as the operating system does (minutes, when the network drops packets) and on an
 * answer forever, so a request to an unreachable database would hang until API Gateway gives up
 * at 30 s. These bound one call to about 3 × (1 s + 3 s) at worst, and much less when the
 * connection is refused; the error then leaves as a 503 (functions/http/middleware/problem-details.ts).
 */
export const awsClientSettings = {
  /** Standard retry mode: throttling and transient faults get two more tries, with jittered backoff. */
  maxAttempts: 3,
  requestHandler: {
    /** A TCP connection within a region takes milliseconds. */
    connectionTimeout: 1_000,
    /** Silence on an open socket this long means no answer is coming (DynamoDB answers in milliseconds). */
    requestTimeout: 3_000,
    /** Without it the SDK only logs a warning and goes on waiting. */
    throwOnRequestTimeout: true,
  },
} as const;
