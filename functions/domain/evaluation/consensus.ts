/**
 * The evaluation's arithmetic. Scores are whole numbers and every result is shown to one decimal;
 * the sums are taken in whole tenths so no float rounding can make the page disagree with itself.
 */

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const tenths = (value: number) => Math.round(value * 10);

/** The panel's consensus on one criterion of one bid: the mean of their scores, to one decimal. */
export function consensus(scores: readonly number[]): number {
  if (!scores.length) throw new Error('A consensus needs at least one score');
  return Math.round((sum(scores) * 10) / scores.length) / 10;
}

/** How far the panel was apart on one criterion. */
export function spread(scores: readonly number[]): { lowest: number; highest: number } {
  if (!scores.length) throw new Error('A spread needs at least one score');
  return { lowest: Math.min(...scores), highest: Math.max(...scores) };
}

/**
 * Σ consensus × weight / 10 over the criteria: 0–100 when the weights sum to 100, to one decimal.
 * Taken from the consensus as shown, so a reader can redo the sum from the page.
 */
export function weightedTotal(consensusByCriterion: readonly number[], weights: readonly number[]): number {
  if (consensusByCriterion.length !== weights.length) throw new Error('A weighted total needs one consensus per criterion');
  // consensus = t / 10, so consensus × weight / 10 = t × weight / 100: whole hundredths, rounded to tenths.
  const hundredths = sum(consensusByCriterion.map((value, index) => tenths(value) * weights[index]!));
  return Math.round(hundredths / 10) / 10;
}

/** Each total's rank, highest first; equal totals share a rank and the next rank is skipped (1, 1, 3). */
export function ranks(totals: readonly number[]): number[] {
  return totals.map((total) => 1 + totals.filter((other) => other > total).length);
}

/** The middle value (of the two middle ones, their mean to one decimal). */
export function median(values: readonly number[]): number {
  if (!values.length) throw new Error('A median needs at least one value');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2) return sorted[middle]!;
  return Math.round((tenths(sorted[middle - 1]!) + tenths(sorted[middle]!)) / 2) / 10;
}

/** Where the values lie, for a debrief: without saying whose each one is. */
export function range(values: readonly number[]): { lowest: number; median: number; highest: number } {
  const { lowest, highest } = spread(values);
  return { lowest, median: median(values), highest };
}
