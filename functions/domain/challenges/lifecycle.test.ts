import { describe, expect, it } from 'vitest';
import { challengeStatuses } from '#shared/challenge.ts';
import { allows, effectiveStatus, transitions } from './lifecycle.ts';

describe('Challenge lifecycle', () => {
  const now = new Date('2027-03-01T12:00:00Z');

  it('counts a published challenge past its bid deadline as closed, and nothing else changes', () => {
    expect(effectiveStatus({ status: 'published', bidDeadline: '2027-03-01T12:00:00Z' }, now)).toBe('closed');
    expect(effectiveStatus({ status: 'published', bidDeadline: '2027-03-01T12:00:01Z' }, now)).toBe('published');
    expect(effectiveStatus({ status: 'draft', bidDeadline: '2027-01-01T00:00:00Z' }, now)).toBe('draft');
  });

  it('lets a commissioner cancel at any point before award, and never after', () => {
    const cancellable = challengeStatuses.filter((status) => allows('cancel', status));
    expect(cancellable).toEqual(['draft', 'submitted', 'published', 'closed']);
  });

  it('lets staff decide only on submitted challenges', () => {
    for (const decision of ['approve', 'requestChanges', 'reject'] as const) {
      expect(challengeStatuses.filter((status) => allows(decision, status))).toEqual(['submitted']);
      expect(transitions[decision].by).toBe('staff');
    }
  });
});
