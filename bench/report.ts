import { writeFileSync } from 'node:fs';
import type { BenchSize } from './bench-options.ts';
import type { RouteFigures } from './measure-size.ts';
import { targets } from './targets.ts';

export interface BenchResults {
  startedAt: string;
  quick: boolean;
  durationSeconds: number;
  sizes: (BenchSize & { seedSeconds: number; routes: RouteFigures[] })[];
}

export const resultsFile = new URL('./results.json', import.meta.url);

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
    const reads = size.routes.filter((route) => route.timing);
    sections.push(
      table(
        `Request overhead, ${size.challenges.toLocaleString('en')} challenges and ${size.firms.toLocaleString('en')} firms (median / p99 ms; ratio of medians to the direct reads)`,
        ['route', 'direct', 'in-process', '×', `≤ ${targets.inProcessRatio}×`, 'HTTP', '×', `≤ ${targets.httpRatio}×`, 'samples'],
        reads.map(({ route, timing }) => {
          const { direct, inProcess, http } = timing!;
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
          .filter((route) => route.timing && route.scales)
          .map((route) => {
            const before = small.routes.find((candidate) => candidate.route === route.route)!;
            const growth = route.timing!.inProcess.medianMs / before.timing!.inProcess.medianMs;
            return [route.route, ms(before.timing!.inProcess.medianMs), ms(route.timing!.inProcess.medianMs), ratio(growth), verdict(growth <= targets.scaleRatio), `${before.cost.items} → ${route.cost.items}`];
          }),
      ),
    );
  }
  for (const size of results.sizes) {
    sections.push(
      table(
        `DynamoDB cost per request, ${size.challenges.toLocaleString('en')} challenges (from ReturnConsumedCapacity: TOTAL)`,
        ['route', 'status', 'requests', 'items read/written', 'read units', 'write units', 'operations'],
        size.routes.map(({ route, status, cost }) => [route, String(status), String(cost.requests), String(cost.items), cost.readUnits.toFixed(1), cost.writeUnits.toFixed(1), summariseOperations(cost.operations)]),
      ),
    );
  }
  return sections.join('\n');
}

function summariseOperations(operations: string[]): string {
  const counts = new Map<string, number>();
  for (const operation of operations) counts.set(operation, (counts.get(operation) ?? 0) + 1);
  return [...counts].map(([operation, count]) => `${count}× ${operation}`).join(', ');
}

export function writeReport(results: BenchResults): void {
  console.log(reportTables(results));
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nWritten: bench/results.json (run took ${(results.durationSeconds / 60).toFixed(1)} min)`);
}
