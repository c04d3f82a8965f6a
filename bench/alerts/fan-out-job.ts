/** What the bench hands the fan-out process: where the table and its stream are, and which run to see through. */
export interface FanOutJob {
  tableName: string;
  dynamoDbEndpoint: string;
  /** Where the sent-email idempotency records go: the meter in front of DynamoDB Local, which counts them on the wire. */
  sentEmailsEndpoint: string;
  /** The stream's progress so far: the seeding's records are already passed over. */
  checkpointFile: string;
  runId: string;
}

/** Requests and the items they read or wrote, by DynamoDB command. */
export type FanOutCounts = Record<string, { requests: number; items: number }>;

/** What it answers: first that it starts draining, then its figures. */
export type FanOutMessage =
  | { kind: 'draining'; at: number }
  | {
      kind: 'done';
      drainMs: number;
      /** Resident set size when draining began (Node, the SDK and the functions loaded) and at its peak (KiB, as resourceUsage gives it). */
      startRssKiB: number;
      maxRssKiB: number;
      /** The V8 heap in use, sampled every 20 ms (bytes). */
      startHeapBytes: number;
      peakHeapBytes: number;
      /** What the table wiring's DynamoDB client had answered, by command. */
      tableRequests: FanOutCounts;
      run: { matched: number; sent: number; suppressed: number; failed: number; status: string };
    };
