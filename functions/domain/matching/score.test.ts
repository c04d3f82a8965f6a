import { describe, expect, it } from 'vitest';
import { matchScoreSchema } from '#shared/matching.ts';
import { rankFirms, scoreFirm, type MatchCandidate, type MatchedChallenge } from './score.ts';

// Health work in Amsterdam, on site: €20,000 to €50,000 over 10 weeks, so a team of 2 (€50,000 / 10 × €4,000).
const challenge: MatchedChallenge = {
  organisationId: 'commissioner',
  sector: 'health',
  disciplines: ['service_design', 'ux_design'],
  budgetMinCents: 2_000_000,
  budgetMaxCents: 5_000_000,
  durationWeeks: 10,
  workplace: 'on_site',
  municipality: 'GM0363',
};
// A studio of 2-9 people in Aalsmeer with both disciplines and no sectors: 40 + budget 15 + size 10 = 65.
const firm: MatchCandidate = {
  organisationId: 'firm-1',
  name: 'Studio Zuid',
  municipality: 'GM0358',
  sizeBand: '2-9',
  disciplines: ['service_design', 'ux_design'],
  sectorsServed: [],
};
const baseReasons = [
  { kind: 'disciplines', shared: ['service_design', 'ux_design'], asked: 2 },
  { kind: 'budget', budgetMinCents: 2_000_000, budgetMaxCents: 5_000_000, sizeBand: '2-9', usualMinCents: 500_000, usualMaxCents: 15_000_000 },
  { kind: 'size', sizeBand: '2-9', teamNeeded: 2 },
];

describe('scoreFirm', () => {
  it('gives a firm with every discipline, a budget in its range and room for the team 65', () => {
    expect(scoreFirm(challenge, firm)).toEqual({ score: 65, reasons: baseReasons, against: [] });
  });

  it('gives the disciplines points by the share of the asked ones the firm has, rounding the total', () => {
    expect(scoreFirm(challenge, { ...firm, disciplines: ['ux_design', 'branding'] })).toMatchObject({
      score: 45,
      reasons: [{ kind: 'disciplines', shared: ['ux_design'], asked: 2 }, baseReasons[1], baseReasons[2]],
    });
    expect(scoreFirm({ ...challenge, disciplines: ['branding', 'service_design', 'film_video'] }, firm)).toMatchObject({
      score: 38,
      reasons: [{ kind: 'disciplines', shared: ['service_design'], asked: 3 }, baseReasons[1], baseReasons[2]],
    });
  });

  it('adds 15 when the firm has served the commissioner’s sector', () => {
    expect(scoreFirm(challenge, { ...firm, sectorsServed: ['energy', 'health'] })).toEqual({
      score: 80,
      reasons: [baseReasons[0], { kind: 'sector', sector: 'health' }, baseReasons[1], baseReasons[2]],
      against: [],
    });
    expect(scoreFirm(challenge, { ...firm, sectorsServed: ['energy'] }).score).toBe(65);
  });

  it('adds 15 when the budget meets the usual range of the firm’s size band, and names that range', () => {
    expect(scoreFirm(challenge, { ...firm, sizeBand: '10-49' })).toMatchObject({
      score: 65,
      reasons: [
        baseReasons[0],
        { kind: 'budget', budgetMinCents: 2_000_000, budgetMaxCents: 5_000_000, sizeBand: '10-49', usualMinCents: 2_500_000, usualMaxCents: 75_000_000 },
        { kind: 'size', sizeBand: '10-49', teamNeeded: 2 },
      ],
    });
    expect(scoreFirm({ ...challenge, budgetMinCents: 30_000_000, budgetMaxCents: 60_000_000, durationWeeks: 52 }, { ...firm, sizeBand: '250+' }).reasons).toContainEqual({
      kind: 'budget',
      budgetMinCents: 30_000_000,
      budgetMaxCents: 60_000_000,
      sizeBand: '250+',
      usualMinCents: 25_000_000,
      usualMaxCents: null,
    });
  });

  it('adds 10 when the size band can staff the team the budget and duration need', () => {
    // €480,000 over 4 weeks: €120,000 a week, 30 person-weeks, which 10-49 people can staff.
    expect(scoreFirm({ ...challenge, budgetMaxCents: 48_000_000, durationWeeks: 4 }, { ...firm, sizeBand: '10-49' }).reasons).toContainEqual({
      kind: 'size',
      sizeBand: '10-49',
      teamNeeded: 30,
    });
  });

  it('adds 10 when the work happens in the firm’s own municipality', () => {
    expect(scoreFirm(challenge, { ...firm, municipality: 'GM0363' })).toEqual({
      score: 75,
      reasons: [...baseReasons, { kind: 'municipality', municipality: 'GM0363' }],
      against: [],
    });
  });

  it('adds 10 for remote work wherever the firm is, and nothing for hybrid work in another municipality', () => {
    expect(scoreFirm({ ...challenge, workplace: 'remote', municipality: undefined }, firm)).toEqual({
      score: 75,
      reasons: [...baseReasons, { kind: 'remote' }],
      against: [],
    });
    expect(scoreFirm({ ...challenge, workplace: 'hybrid' }, firm)).toEqual({ score: 65, reasons: baseReasons, against: [] });
  });

  it('adds 5 per commission awarded in the commissioner’s sector, at most 10, and none for other sectors', () => {
    expect(scoreFirm(challenge, firm, { health: 1 })).toEqual({
      score: 70,
      reasons: [...baseReasons, { kind: 'past_awards', sector: 'health', awards: 1 }],
      against: [],
    });
    expect(scoreFirm(challenge, firm, { health: 3 })).toMatchObject({ score: 75, reasons: [...baseReasons, { kind: 'past_awards', sector: 'health', awards: 3 }] });
    expect(scoreFirm(challenge, firm, { energy: 4 })).toEqual({ score: 65, reasons: baseReasons, against: [] });
  });

  it('gives 100 when every reason holds, in the shape the shared schema accepts', () => {
    const best = scoreFirm(challenge, { ...firm, municipality: 'GM0363', sectorsServed: ['health'] }, { health: 2 });
    expect(best.score).toBe(100);
    expect(matchScoreSchema.parse(best)).toEqual(best);
  });

  it('scores a firm with no discipline in common 0, whatever else fits', () => {
    expect(scoreFirm(challenge, { ...firm, disciplines: ['branding'], municipality: 'GM0363', sectorsServed: ['health'] }, { health: 2 })).toEqual({
      score: 0,
      reasons: [],
      against: [{ kind: 'no_shared_discipline', asked: ['service_design', 'ux_design'] }],
    });
    // A knowledge institution's profile holds no disciplines yet.
    expect(scoreFirm(challenge, { ...firm, disciplines: undefined }).score).toBe(0);
  });

  it('takes 10 off when the budget is below the usual range of the size band', () => {
    expect(scoreFirm(challenge, { ...firm, sizeBand: '250+' })).toEqual({
      score: 40,
      reasons: [baseReasons[0], { kind: 'size', sizeBand: '250+', teamNeeded: 2 }],
      against: [{ kind: 'budget_below_range', budgetMaxCents: 5_000_000, sizeBand: '250+', usualMinCents: 25_000_000 }],
    });
  });

  it('takes 10 off when the budget is above the usual range of the size band', () => {
    // €200,000 to €300,000 over 20 weeks: a team of 4, which 2-9 people can staff.
    expect(scoreFirm({ ...challenge, budgetMinCents: 20_000_000, budgetMaxCents: 30_000_000, durationWeeks: 20 }, firm)).toEqual({
      score: 40,
      reasons: [baseReasons[0], { kind: 'size', sizeBand: '2-9', teamNeeded: 4 }],
      against: [{ kind: 'budget_above_range', budgetMinCents: 20_000_000, sizeBand: '2-9', usualMaxCents: 15_000_000 }],
    });
  });

  it('takes 10 off when the work needs more people than the size band holds', () => {
    expect(scoreFirm(challenge, { ...firm, sizeBand: '1' })).toEqual({
      score: 45,
      reasons: [baseReasons[0], { kind: 'budget', budgetMinCents: 2_000_000, budgetMaxCents: 5_000_000, sizeBand: '1', usualMinCents: 0, usualMaxCents: 2_500_000 }],
      against: [{ kind: 'size_too_small', sizeBand: '1', teamNeeded: 2 }],
    });
  });

  it('takes 25 off when the work needs more than three times the people the size band holds', () => {
    // €300,000 over 10 weeks: a team of 8 for a firm of one.
    expect(scoreFirm({ ...challenge, budgetMinCents: 20_000_000, budgetMaxCents: 30_000_000 }, { ...firm, sizeBand: '1' })).toEqual({
      score: 5,
      reasons: [baseReasons[0]],
      against: [
        { kind: 'budget_above_range', budgetMinCents: 20_000_000, sizeBand: '1', usualMaxCents: 2_500_000 },
        { kind: 'size_far_too_small', sizeBand: '1', teamNeeded: 8 },
      ],
    });
  });

  it('never scores below 0', () => {
    const wide: MatchedChallenge = { ...challenge, disciplines: ['service_design', 'ux_design', 'branding', 'film_video'], budgetMinCents: 20_000_000, budgetMaxCents: 30_000_000 };
    expect(scoreFirm(wide, { ...firm, sizeBand: '1', disciplines: ['branding'] }).score).toBe(0);
  });
});

describe('rankFirms', () => {
  const candidate = (organisationId: string, name: string, changes: Partial<MatchCandidate> = {}): MatchCandidate => ({ ...firm, organisationId, name, ...changes });

  it('orders by score, then name, then id, leaving out firms with no discipline in common and the commissioner itself', () => {
    const ranked = rankFirms(
      challenge,
      [
        candidate('f-5', 'Studio Oost'),
        candidate('f-4', 'Atelier West'),
        candidate('f-3', 'Atelier West'),
        candidate('f-2', 'Beeldbureau', { disciplines: ['branding'] }),
        candidate('f-1', 'Zeewolf Studio', { municipality: 'GM0363' }),
        candidate('f-6', 'Ontwerphuis'),
        candidate('commissioner', 'Ziekenhuis Amsterdam'),
      ],
      { 'f-6': { health: 1 } },
    );
    expect(ranked.map((entry) => [entry.firm.organisationId, entry.score])).toEqual([
      ['f-1', 75],
      ['f-6', 70],
      ['f-3', 65],
      ['f-4', 65],
      ['f-5', 65],
    ]);
  });

  it('keeps the order whatever order the candidates come in', () => {
    const candidates = [candidate('b', 'Atelier'), candidate('a', 'Atelier'), candidate('c', 'Ateliers')];
    const order = (list: MatchCandidate[]) => rankFirms(challenge, list).map((entry) => entry.firm.organisationId);
    expect(order(candidates)).toEqual(['a', 'b', 'c']);
    expect(order([...candidates].reverse())).toEqual(['a', 'b', 'c']);
  });
});
