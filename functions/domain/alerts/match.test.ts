import { describe, expect, it } from 'vitest';
import type { AlertedChallenge } from '#shared/alerts.ts';
import { alertReasons, type AlertCriteria } from './match.ts';

const challenge: AlertedChallenge = {
  challengeId: 'c1',
  organisationId: 'o1',
  title: 'A wayfinding app for the harbour',
  summary: 'Help visitors find their way around the harbour.',
  commissionerName: 'Port of Amsterdam',
  sector: 'logistics',
  disciplines: ['service_design', 'ux_design'],
  type: 'commission',
  fundingInstrument: 'own_budget',
  budgetMinCents: 2_000_000,
  budgetMaxCents: 5_000_000,
  municipality: 'GM0363',
  remote: false,
  questionDeadline: '2027-01-10T12:00:00.000Z',
  bidDeadline: '2027-01-20T12:00:00.000Z',
  visibility: 'public',
  ndaRequired: false,
};
const anything: AlertCriteria = { disciplines: [], sectors: [], types: [], funding: [], minBudgetCents: null, municipalities: [] };

describe('alertReasons', () => {
  it('matches someone who set no criteria, saying they hear of everything', () => {
    expect(alertReasons(challenge, anything)).toEqual([{ kind: 'anything' }]);
  });

  it('names each criterion that matched, with the disciplines the challenge and the person share', () => {
    expect(
      alertReasons(challenge, {
        ...anything,
        disciplines: ['service_design', 'fashion_tech'],
        sectors: ['logistics', 'health'],
        minBudgetCents: 4_000_000,
        municipalities: ['GM0363'],
      }),
    ).toEqual([
      { kind: 'disciplines', disciplines: ['service_design'] },
      { kind: 'sector', sector: 'logistics' },
      { kind: 'budget', minBudgetCents: 4_000_000, budgetMaxCents: 5_000_000 },
      { kind: 'municipality', municipality: 'GM0363' },
    ]);
  });

  it('refuses a challenge when any one criterion fails', () => {
    expect(alertReasons(challenge, { ...anything, disciplines: ['fashion_tech'] })).toBeUndefined();
    expect(alertReasons(challenge, { ...anything, sectors: ['health'] })).toBeUndefined();
    expect(alertReasons(challenge, { ...anything, types: ['partner_search'] })).toBeUndefined();
    expect(alertReasons(challenge, { ...anything, funding: ['mit'] })).toBeUndefined();
    expect(alertReasons(challenge, { ...anything, minBudgetCents: 5_000_001 })).toBeUndefined();
    expect(alertReasons(challenge, { ...anything, municipalities: ['GM0358'] })).toBeUndefined();
  });

  it('counts a remote challenge as anywhere for someone who chose municipalities', () => {
    expect(alertReasons({ ...challenge, remote: true }, { ...anything, municipalities: ['GM0358'] })).toEqual([{ kind: 'remote' }]);
  });
});
