/**
 * How big and how long: the full run fits the 15 minutes on two shared cores; `--quick` is a
 * smoke run. The large table holds 10,000 challenges, not the 100,000: each open challenge
 * now has its listing entries (about 40 items), and DynamoDB Local takes some 700 to 1,400 items a
 * second here, so 100,000 would take well over an hour to seed (docs/performance.md).
 * `--alerts` measures only the alert fan-out (issue 13) and merges its figures into bench/results.json.
 */
export function benchOptions(argv: string[]) {
  const known = ['--quick', '--alerts'];
  const quick = argv.includes('--quick');
  const unknown = argv.filter((argument) => !known.includes(argument));
  if (unknown.length) throw new Error(`Unknown argument(s): ${unknown.join(' ')} (only ${known.join(' and ')} are known)`);
  return {
    quick,
    alertsOnly: argv.includes('--alerts'),
    /** Subscribers every one of whom the alert run reaches. */
    alertRecipients: quick ? 1_000 : 10_000,
    sizes: quick
      ? [
          { label: 'small', challenges: 100, firms: 50 },
          { label: 'large', challenges: 2_000, firms: 1_000 },
        ]
      : [
          { label: 'small', challenges: 1_000, firms: 500 },
          { label: 'large', challenges: 10_000, firms: 5_000 },
        ],
    /** Per route and size: rounds of (direct, in-process, HTTP), and the time after which no new round starts. */
    latency: quick ? { rounds: 5, budgetMs: 2_000 } : { rounds: 40, budgetMs: 8_000 },
    load: quick ? { connections: 4, durationSeconds: 3 } : { connections: 10, durationSeconds: 10 },
    /** Fresh Node processes per function bundle. */
    coldImportRounds: quick ? 1 : 5,
  };
}

export type BenchOptions = ReturnType<typeof benchOptions>;
export type BenchSize = BenchOptions['sizes'][number];
