import { describe, expect, it } from 'vitest';
import { summary } from './side-by-side.ts';

describe('Function: summary', () => {
  it('gives the nearest-rank median and 99th percentile', () => {
    // Prepare: 1 … 200, shuffled.
    const values = Array.from({ length: 200 }, (_, index) => ((index * 37) % 200) + 1);

    // Act
    const timing = summary(values);

    // Assess
    expect(timing).toEqual({ medianMs: 100, p99Ms: 198, samples: 200 });
  });
});
