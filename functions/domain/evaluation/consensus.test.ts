import { describe, expect, it } from 'vitest';
import { consensus, median, range, ranks, spread, weightedTotal } from './consensus.ts';

describe('Evaluation arithmetic', () => {
  it('takes the consensus as the mean of the scores to one decimal, rounding halves up', () => {
    expect(consensus([7])).toBe(7);
    expect(consensus([7, 8])).toBe(7.5);
    expect(consensus([6, 7, 7])).toBe(6.7);
    expect(consensus([2, 2, 2, 3])).toBe(2.3);
    expect(consensus([0, 0, 1])).toBe(0.3);
    expect(consensus([10, 10, 10])).toBe(10);
  });

  it('gives the spread as the lowest and highest score', () => {
    expect(spread([6, 9, 7])).toEqual({ lowest: 6, highest: 9 });
    expect(spread([5])).toEqual({ lowest: 5, highest: 5 });
  });

  it('weighs the consensus per criterion into a total from 0 to 100, to one decimal and without float drift', () => {
    expect(weightedTotal([10, 10, 10], [40, 35, 25])).toBe(100);
    expect(weightedTotal([0, 0, 0], [40, 35, 25])).toBe(0);
    expect(weightedTotal([7.5, 8, 6], [40, 35, 25])).toBe(73);
    // 6.7 × 40 + 7.3 × 35 + 8.1 × 25 = 268 + 255.5 + 202.5 = 726 → 72.6
    expect(weightedTotal([6.7, 7.3, 8.1], [40, 35, 25])).toBe(72.6);
    // (0.1 × 33 + 0.1 × 33 + 0.1 × 34) / 10 = 1 exactly, not 0.9999…
    expect(weightedTotal([0.1, 0.1, 0.1], [33, 33, 34])).toBe(1);
    // 2.5 × 15 + 0 × 85 = 37.5 tenths → rounds up to 3.8
    expect(weightedTotal([2.5, 0], [15, 85])).toBe(3.8);
  });

  it('refuses a total whose consensus and weights do not pair up', () => {
    expect(() => weightedTotal([5, 5], [100])).toThrow();
  });

  it('ranks the highest total first, equal totals sharing a rank and skipping the next', () => {
    expect(ranks([60, 80.5, 70])).toEqual([3, 1, 2]);
    expect(ranks([70, 80, 70, 50])).toEqual([2, 1, 2, 4]);
    expect(ranks([])).toEqual([]);
  });

  it('takes the median as the middle value, or the mean of the two middle ones to one decimal', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([7.2, 6.1])).toBe(6.7);
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(median([4.7])).toBe(4.7);
  });

  it('gives a debrief range of lowest, median and highest without any order of whose is whose', () => {
    expect(range([72.6, 55, 81.3, 60])).toEqual({ lowest: 55, median: 66.3, highest: 81.3 });
  });
});
