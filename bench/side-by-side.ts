export interface Timing {
  medianMs: number;
  p99Ms: number;
  samples: number;
}

export interface SideBySideLimits {
  /** Rounds at most; each round times every way once. */
  rounds: number;
  /** Rounds stop once this much time has gone (at least one round always runs). */
  budgetMs: number;
}

/**
 * Times several ways of doing the same thing in alternating rounds, each round in a rotated order,
 * so that a noisy neighbour (two other engineers' tests on two cores) slows every way alike and the
 * ratios between them stay meaningful.
 */
export async function timeSideBySide<K extends string>(ways: Record<K, () => Promise<void>>, limits: SideBySideLimits): Promise<Record<K, Timing>> {
  const names = Object.keys(ways) as K[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  const started = performance.now();
  for (let round = 0; round < limits.rounds && (round === 0 || performance.now() - started < limits.budgetMs); round += 1) {
    for (let turn = 0; turn < names.length; turn += 1) {
      const name = names[(round + turn) % names.length]!;
      const before = performance.now();
      await ways[name]();
      samples[name].push(performance.now() - before);
    }
  }
  return Object.fromEntries(names.map((name) => [name, summary(samples[name])])) as Record<K, Timing>;
}

export function summary(values: number[]): Timing {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
  return { medianMs: rank(0.5), p99Ms: rank(0.99), samples: sorted.length };
}
