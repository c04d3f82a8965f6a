import { describe, expect, it } from 'vitest';
import { termsViolations, weightTotal } from './challenge.ts';

describe('Challenge terms: the rules that span fields, shared by the API and the form', () => {
  const valid = {
    budgetMinCents: 100,
    budgetMaxCents: 200,
    questionDeadline: '2027-01-10T12:00:00Z',
    bidDeadline: '2027-01-20T12:00:00Z',
    criteria: [
      { name: 'Quality', description: '', weight: 70 },
      { name: 'Price', description: '', weight: 30 },
    ],
    workplace: 'hybrid' as const,
    municipality: 'GM0363',
  };

  it('finds nothing wrong with consistent terms', () => {
    expect(termsViolations(valid)).toEqual([]);
  });

  it('names the field of each broken rule', () => {
    const violations = termsViolations({
      ...valid,
      budgetMinCents: 300,
      questionDeadline: '2027-01-20T12:00:00Z',
      criteria: [{ name: 'Quality', description: '', weight: 70 }],
      workplace: 'on_site',
      municipality: undefined,
    });

    expect(violations.map((violation) => violation.path)).toEqual(['budgetMaxCents', 'questionDeadline', 'criteria', 'municipality']);
    expect(violations[2]!.message).toContain('70');
  });

  it('needs no place for remote work, and judges only the fields a half-filled form has', () => {
    expect(termsViolations({ workplace: 'remote' })).toEqual([]);
    expect(termsViolations({ budgetMinCents: 5 })).toEqual([]);
  });

  it('adds up weights, counting a half-typed weight as nothing', () => {
    expect(weightTotal([{ weight: 40 }, { weight: 60 }])).toBe(100);
    expect(weightTotal([{ weight: 40 }, { weight: Number.NaN }])).toBe(40);
  });
});
