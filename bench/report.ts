import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { AlertFigures } from './alerts/alert-figures.ts';
import type { BenchSize } from './bench-options.ts';
import type { FunctionFigures } from './functions/function-figures.ts';
import type { LoadFigures } from './load.ts';
import type { RouteFigures } from './measure-size.ts';
import type { SiteFigure } from './site/site-figures.ts';
import { targets } from './targets.ts';

export interface BenchResults {
  startedAt: string;
  quick: boolean;
  durationSeconds: number;
  sizes: (BenchSize & { seedSeconds: number; routes: RouteFigures[]; load: LoadFigures })[];
  functions: FunctionFigures;
  site: SiteFigure[];
  /** Issue 13: one challenge's alert fan-out and delivery (`npm run bench -- --alerts` measures only this). */
  alerts?: AlertFigures;
}

export const resultsFile = new URL('./results.json', import.meta.url);

const kib = (bytes: number) => (bytes / 1024).toFixed(1);
const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const ratio = (value: number) => `${value.toFixed(2)}×`;
const verdict = (met: boolean) => (met ? 'met' : 'MISSED');

function table(title: string, header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [`\n### ${title}\n`, line(header), `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** The figures as Markdown tables (the same text goes into docs/performance.md), each target met or missed. */
export function reportTables(results: BenchResults): string {
  const sections: string[] = [];
  for (const size of results.sizes) {
    const reads = size.routes.filter((route) => route.kind === 'read');
    sections.push(
      table(
        `Request overhead, ${size.challenges.toLocaleString('en')} challenges and ${size.firms.toLocaleString('en')} firms (median / p99 ms; ratio of medians to the direct reads)`,
        ['route', 'direct', 'in-process', '×', `≤ ${targets.inProcessRatio}×`, 'HTTP', '×', `≤ ${targets.httpRatio}×`, 'samples'],
        reads.map(({ route, timing, status }) => {
          if (!timing) return [route, `failed: ${status}`, '', '', verdict(false), '', '', verdict(false), '0'];
          const { direct, inProcess, http } = timing;
          const inProcessRatio = inProcess.medianMs / direct.medianMs;
          const httpRatio = http.medianMs / direct.medianMs;
          return [
            route,
            `${ms(direct.medianMs)} / ${ms(direct.p99Ms)}`,
            `${ms(inProcess.medianMs)} / ${ms(inProcess.p99Ms)}`,
            ratio(inProcessRatio),
            verdict(inProcessRatio <= targets.inProcessRatio),
            `${ms(http.medianMs)} / ${ms(http.p99Ms)}`,
            ratio(httpRatio),
            verdict(httpRatio <= targets.httpRatio),
            String(inProcess.samples),
          ];
        }),
      ),
    );
  }
  const [small, large] = results.sizes;
  if (small && large) {
    sections.push(
      table(
        `Scale: ${large.challenges.toLocaleString('en')} against ${small.challenges.toLocaleString('en')} challenges (in-process median ms)`,
        ['route', 'small', 'large', '×', `≤ ${targets.scaleRatio}×`, 'items read small → large'],
        large.routes
          .filter((route) => route.kind === 'read' && route.scales)
          .map((route) => {
            const before = small.routes.find((candidate) => candidate.route === route.route)!;
            const median = (figures: RouteFigures) => (figures.timing ? ms(figures.timing.inProcess.medianMs) : `failed: ${figures.status}`);
            const growth = route.timing && before.timing ? route.timing.inProcess.medianMs / before.timing.inProcess.medianMs : Number.NaN;
            return [
              route.route,
              median(before),
              median(route),
              Number.isNaN(growth) ? '' : ratio(growth),
              verdict(growth <= targets.scaleRatio),
              `${before.cost.items} → ${route.cost.items}`,
            ];
          }),
      ),
    );
  }
  for (const size of results.sizes) {
    sections.push(
      table(
        `DynamoDB cost per request, ${size.challenges.toLocaleString('en')} challenges (from ReturnConsumedCapacity: TOTAL)`,
        ['route', 'status', 'requests', 'late', 'items read/written', 'read units', 'write units', 'operations'],
        size.routes.map(({ route, status, cost }) => [
          route,
          String(status),
          String(cost.requests),
          String(cost.late),
          String(cost.items),
          cost.readUnits.toFixed(1),
          cost.writeUnits.toFixed(1),
          summariseOperations(cost.operations),
        ]),
      ),
    );
  }
  sections.push(
    table(
      `Load: autocannon against the local server, the read routes in turn`,
      ['challenges', 'connections', 'seconds', 'requests', 'requests/s', 'p50 ms', 'p99 ms', 'errors', 'no errors'],
      results.sizes.map(({ challenges, load }) => [
        challenges.toLocaleString('en'),
        String(load.connections),
        String(load.durationSeconds),
        String(load.requests),
        load.requestsPerSecond.toFixed(1),
        String(load.p50Ms),
        String(load.p99Ms),
        String(load.errors),
        verdict(load.errors === 0 && load.requests > 0),
      ]),
    ),
  );
  const { baseline, functions, largest } = results.functions;
  sections.push(
    table(
      `Functions as CDK bundles them (cold import: median ms in a fresh Node with the function's NODE_OPTIONS; DynamoDB client alone: ${kib(baseline.bytes)} KiB, ${ms(baseline.coldImport.medianMs)} ms)`,
      ['function', 'KiB minified', 'KiB gzip', `≤ ${targets.functionKiB} KiB`, 'cold import', '× client alone', `≤ ${targets.coldImportRatio}×`],
      functions.map(({ name, bytes, gzipBytes, coldImport }) => {
        const coldRatio = coldImport.medianMs / baseline.coldImport.medianMs;
        return [
          name,
          kib(bytes),
          kib(gzipBytes),
          verdict(bytes / 1024 <= targets.functionKiB),
          ms(coldImport.medianMs),
          ratio(coldRatio),
          verdict(coldRatio <= targets.coldImportRatio),
        ];
      }),
    ),
    table(
      `Largest modules of the largest bundle (${largest.name}), from its source map`,
      ['module', 'KiB minified'],
      largest.modules.map(({ module, bytes }) => [module, kib(bytes)]),
    ),
    table(
      'Site: what a first visit to each page loads (gzip KiB, from web/build)',
      ['page', 'JS', 'JS budget', 'CSS', 'CSS budget', 'files'],
      results.site.map(({ page, jsGzipBytes, cssGzipBytes, files, budget }) => [
        page,
        kib(jsGzipBytes),
        `${budget.jsKiB} ${verdict(jsGzipBytes / 1024 <= budget.jsKiB)}`,
        kib(cssGzipBytes),
        `${budget.cssKiB} ${verdict(cssGzipBytes / 1024 <= budget.cssKiB)}`,
        String(files),
      ]),
    ),
  );
  if (results.alerts) sections.push(alertTables(results.alerts));
  return sections.join('\n');
}

/** The alert fan-out's figures: its pace, memory and DynamoDB requests per recipient, by command. */
export function alertTables(alerts: AlertFigures): string {
  const mib = (value: number) => value.toFixed(1);
  const perRecipient = (value: number) => value.toFixed(3);
  return [
    table(
      `Alert fan-out: one challenge to ${alerts.recipients.toLocaleString('en')} matching subscribers (SES_MAX_SEND_RATE ${alerts.sesMaxSendRate.toLocaleString('en')}; fan-out and delivery in a process of their own)`,
      [
        'alerts in the local SES',
        'distinct addresses',
        'drain s',
        'emails/s',
        'first email ms',
        'peak RSS MiB (at start)',
        'peak heap MiB (at start)',
        'DynamoDB requests/recipient',
        'load average',
      ],
      [
        [
          String(alerts.inbox.alerts),
          String(alerts.inbox.distinctRecipients),
          alerts.drainSeconds.toFixed(1),
          alerts.emailsPerSecond.toFixed(1),
          alerts.firstEmailMs === null ? 'none seen' : ms(alerts.firstEmailMs),
          `${mib(alerts.peakRssMiB)} (${mib(alerts.startRssMiB)})`,
          `${mib(alerts.peakHeapMiB)} (${mib(alerts.startHeapMiB)})`,
          perRecipient(alerts.dynamoDb.perRecipient),
          alerts.loadAverage.map((load) => load.toFixed(2)).join(' '),
        ],
      ],
    ),
    table(
      `Alert fan-out: DynamoDB requests by command (${alerts.dynamoDb.requests.toLocaleString('en')} in all)`,
      ['command', 'client', 'requests', 'per recipient', 'items read/written', 'items per recipient'],
      alerts.dynamoDb.byCommand.map(({ command, source, requests, perRecipient: per, items, itemsPerRecipient }) => [
        command,
        source,
        String(requests),
        perRecipient(per),
        String(items),
        perRecipient(itemsPerRecipient),
      ]),
    ),
  ].join('\n');
}

function summariseOperations(operations: string[]): string {
  const counts = new Map<string, number>();
  for (const operation of operations) counts.set(operation, (counts.get(operation) ?? 0) + 1);
  return [...counts].map(([operation, count]) => `${count}× ${operation}`).join(', ');
}

/** `--alerts`: prints the alert tables and puts the figures into bench/results.json beside the rest of its last run. */
export function writeAlertReport(alerts: AlertFigures): void {
  console.log(alertTables(alerts));
  const earlier = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Partial<BenchResults>) : {};
  writeFileSync(resultsFile, `${JSON.stringify({ ...earlier, alerts }, null, 2)}\n`);
  console.log('\nWritten: bench/results.json (alert figures; the rest as it was)');
}

export function writeReport(results: BenchResults): void {
  console.log(reportTables(results));
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nWritten: bench/results.json (run took ${(results.durationSeconds / 60).toFixed(1)} min)`);
}
