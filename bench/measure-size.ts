import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { directReads } from './direct-reads.ts';
import type { DynamoDbMeter } from './dynamodb-meter.ts';
import { callOverHttp } from './http-call.ts';
import { callInProcess, type BenchRequest } from './in-process.ts';
import type { MeasuredRoute } from './measured-routes.ts';
import { timeSideBySide, type SideBySideLimits, type Timing } from './side-by-side.ts';

export interface RouteCost {
  requests: number;
  /** Requests DynamoDB answered only after the route had given up (its client timed out); their units count all the same. */
  late: number;
  /** Items DynamoDB read (for a Query: before its filter) or wrote. */
  items: number;
  readUnits: number;
  writeUnits: number;
  operations: string[];
}

export interface RouteFigures {
  route: string;
  kind: MeasuredRoute['kind'];
  scales: boolean;
  status: number;
  cost: RouteCost;
  /** Unset for writes, and for a read that failed (a 5xx is no time to compare). */
  timing?: { direct: Timing; inProcess: Timing; http: Timing };
}

export interface SizeContext {
  origin: string;
  /** The local server (a process of its own) and one like it whose DynamoDB requests pass the meter. */
  serverUrl: string;
  meteredServerUrl: string;
  meter: DynamoDbMeter;
  client: DynamoDBClient;
  latency: SideBySideLimits;
}

const settleMs = 90_000;

/**
 * Every route at one table size: 1. one request through the metered server gives its DynamoDB
 * requests and units 2. for reads, those very requests become the direct baseline 3. the three
 * ways (direct, in-process, HTTP) are timed side by side after one warm-up round, unless it failed.
 */
export async function measureSize(routes: MeasuredRoute[], context: SizeContext, log: (line: string) => void): Promise<RouteFigures[]> {
  const figures: RouteFigures[] = [];
  for (const route of routes) {
    context.meter.take();
    const status = await callOverHttp(context.meteredServerUrl, route, context.origin);
    const answeredAt = performance.now();
    const recorded = context.meter.take();
    // Whatever the route left DynamoDB Local doing must end before the next is timed; its cost is then known too.
    if (!(await context.meter.settled(settleMs))) log(`  ${route.name}: DynamoDB Local still busy after ${settleMs / 1000} s`);
    const cost: RouteCost = {
      requests: recorded.length,
      late: recorded.filter((request) => request.endedAt === undefined || request.endedAt > answeredAt).length,
      items: recorded.reduce((sum, request) => sum + request.items, 0),
      readUnits: recorded.reduce((sum, request) => sum + request.readUnits, 0),
      writeUnits: recorded.reduce((sum, request) => sum + request.writeUnits, 0),
      operations: recorded.map((request) => request.operation),
    };
    const row: RouteFigures = { route: route.name, kind: route.kind, scales: route.scales, status, cost };
    if (route.kind === 'read' && status < 500) {
      const direct = directReads(recorded);
      const answered = (expected: number) => (actual: number) => {
        if (actual !== expected) throw new Error(`${route.name} answered ${actual}, not ${expected}`);
      };
      const ways = {
        direct: () => direct(context.client),
        inProcess: async () => answered(status)(await callInProcess(route satisfies BenchRequest, context.origin)),
        http: async () => answered(status)(await callOverHttp(context.serverUrl, route, context.origin)),
      };
      await timeSideBySide(ways, { rounds: 1, budgetMs: 0 });
      row.timing = await timeSideBySide(ways, context.latency);
    }
    log(
      `  ${route.name}: ${status}, ${cost.requests} requests (${cost.late} late), ${cost.items} items${row.timing ? `, in-process median ${row.timing.inProcess.medianMs.toFixed(1)} ms (${row.timing.inProcess.samples} samples)` : ''}`,
    );
    figures.push(row);
  }
  return figures;
}
