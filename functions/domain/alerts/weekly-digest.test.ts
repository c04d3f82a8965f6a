import { describe, expect, it } from 'vitest';
import { isoWeek } from './weekly-digest.ts';

describe('isoWeek', () => {
  it.each([
    ['2026-12-07T08:00:00Z', '2026-W50'],
    ['2026-12-06T23:59:59Z', '2026-W49'],
    ['2027-01-01T12:00:00Z', '2026-W53'],
    ['2027-01-04T00:00:00Z', '2027-W01'],
    ['2025-12-29T00:00:00Z', '2026-W01'],
    ['2024-12-30T00:00:00Z', '2025-W01'],
  ])('names %s as week %s, as ISO 8601 does', (at, week) => {
    expect(isoWeek(new Date(at))).toBe(week);
  });
});
