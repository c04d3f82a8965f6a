import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** One DynamoDB request as the application sent it, with what DynamoDB said it cost. */
export interface MeteredRequest {
  operation: string;
  /** The request body as the SDK wrote it (before the meter asked for capacity). */
  input: Record<string, unknown>;
  startedAt: number;
  /** Unset while DynamoDB has not answered (the client may have given up waiting). */
  endedAt?: number;
  readUnits: number;
  writeUnits: number;
  /** Items returned (Query, Scan, GetItem, BatchGetItem) or written. */
  items: number;
}

export interface DynamoDbMeter {
  endpoint: string;
  /** The requests seen since the last call, and forgets them. */
  take(): MeteredRequest[];
  /**
   * Resolves once DynamoDB has answered every request passed on (a client that timed out leaves
   * DynamoDB Local still working), or after `maxMs`; answers whether it settled.
   */
  settled(maxMs: number): Promise<boolean>;
  stop(): Promise<void>;
}

// Operations that accept ReturnConsumedCapacity (DescribeTable and the like do not).
const metered = new Set(['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'Scan', 'BatchGetItem', 'BatchWriteItem', 'TransactGetItems', 'TransactWriteItems']);

/**
 * A loopback proxy in front of DynamoDB Local that records every request passing through and asks
 * DynamoDB for its consumed capacity. Counting on the wire, rather than inside one SDK client,
 * sees every client the functions build, however the wiring is arranged. DynamoDB Local does not
 * check request signatures, so adding the capacity field to a signed body is accepted.
 */
export async function startDynamoDbMeter(target: string): Promise<DynamoDbMeter> {
  const upstream = new URL(target);
  let seen: MeteredRequest[] = [];
  let inFlight = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const startedAt = performance.now();
      const operation = String(request.headers['x-amz-target'] ?? '').split('.')[1] ?? 'unknown';
      const original = Buffer.concat(chunks).toString('utf8');
      const input = original ? (JSON.parse(original) as Record<string, unknown>) : {};
      const body = metered.has(operation) ? JSON.stringify({ ...input, ReturnConsumedCapacity: 'TOTAL' }) : original;
      // Kept from the start, so a request still unanswered when its route gave up is counted too.
      const entry: MeteredRequest = { operation, input, startedAt, readUnits: 0, writeUnits: 0, items: 0 };
      if (metered.has(operation)) seen.push(entry);
      inFlight += 1;
      const headers = { ...request.headers, 'content-length': String(Buffer.byteLength(body)) };
      const forwarded = httpRequest({ host: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers }, (answer) => {
        const answerChunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => answerChunks.push(chunk));
        answer.on('end', () => {
          inFlight -= 1;
          const raw = Buffer.concat(answerChunks);
          Object.assign(entry, { endedAt: performance.now(), ...costOf(operation, input, raw.toString('utf8')) });
          response.writeHead(answer.statusCode ?? 500, answer.headers);
          response.end(raw);
        });
      });
      forwarded.on('error', (error) => {
        inFlight -= 1;
        response.writeHead(502);
        response.end(String(error));
      });
      forwarded.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    take() {
      const taken = seen;
      seen = [];
      return taken;
    },
    async settled(maxMs) {
      const deadline = performance.now() + maxMs;
      while (inFlight > 0 && performance.now() < deadline) await sleep(100);
      return inFlight === 0;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type Capacity = { CapacityUnits?: number; ReadCapacityUnits?: number; WriteCapacityUnits?: number };

const readOperations = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem', 'TransactGetItems']);

/** Read and write units from the answer's ConsumedCapacity (one entry, or one per table), and the items it moved. */
function costOf(operation: string, input: Record<string, unknown>, text: string): Pick<MeteredRequest, 'readUnits' | 'writeUnits' | 'items'> {
  const answer = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
  const capacities = [answer['ConsumedCapacity'] ?? []].flat() as Capacity[];
  const units = capacities.reduce((sum, capacity) => sum + (capacity.CapacityUnits ?? 0), 0);
  const isRead = readOperations.has(operation);
  return { readUnits: isRead ? units : 0, writeUnits: isRead ? 0 : units, items: itemsOf(operation, input, answer) };
}

/** Items a request read or wrote: a batch or transaction moves many in one request. */
export function itemsOf(operation: string, input: Record<string, unknown>, answer: Record<string, unknown>): number {
  switch (operation) {
    case 'GetItem':
      return answer['Item'] ? 1 : 0;
    case 'Query':
    case 'Scan':
      // ScannedCount: what DynamoDB read (and bills), before the filter expression dropped any.
      return Number(answer['ScannedCount'] ?? answer['Count'] ?? 0);
    case 'BatchGetItem':
      return Object.values((answer['Responses'] ?? {}) as Record<string, unknown[]>).reduce((sum, items) => sum + items.length, 0);
    case 'TransactGetItems':
      return ((answer['Responses'] ?? []) as unknown[]).length;
    case 'TransactWriteItems':
      return ((input['TransactItems'] ?? []) as unknown[]).length;
    case 'BatchWriteItem':
      return Object.values((input['RequestItems'] ?? {}) as Record<string, unknown[]>).reduce((sum, items) => sum + items.length, 0);
    default:
      return 1;
  }
}
