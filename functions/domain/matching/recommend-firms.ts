import type { RecommendedFirms } from '#shared/matching.ts';
import { notFoundError } from '../errors.ts';
import type { Viewer } from '../challenges/ports.ts';
import { seesRecommendations } from '../challenges/viewer.ts';
import type { MatchingPorts } from './ports.ts';
import { rankFirms } from './score.ts';

/**
 * How many directory entries are read per discipline of the challenge (the first by name): a bound
 * on the read, not a ranking; docs/matching.md names it as a limit to lift.
 */
export const candidatesPerDiscipline = 200;
/** How many recommended firms are shown. */
export const recommendedFirmsShown = 20;

const missing = () => notFoundError('There is no such challenge, or it is not shown to you.');

/**
 * The firms that fit a challenge best, for its commissioner and staff (docs/matching.md):
 * 1. find the challenge; 404 if there is none
 * 2. 404 too unless the viewer is staff or a member of its commissioner while that is verified
 *    (firms, and anyone else, never learn what the commissioner is shown)
 * 3. read the candidates through the directory's discipline index: verified creative firms listed
 *    under any of the challenge's disciplines, at most `candidatesPerDiscipline` per discipline
 * 4. score and rank them, with no award counts yet (the track record that supplies them comes later)
 * 5. keep the first `top`
 */
export async function recommendFirms(challengeId: string, viewer: Viewer, ports: MatchingPorts, top = recommendedFirmsShown): Promise<RecommendedFirms> {
  const challenge = await ports.challenges.challenge(challengeId);
  if (!challenge) throw missing();
  if (!seesRecommendations(viewer, challenge)) throw missing();

  const candidates = await ports.candidates.firmsWithDisciplines(challenge.disciplines, candidatesPerDiscipline);
  const ranked = rankFirms(challenge, candidates, {});

  return {
    items: ranked
      .slice(0, top)
      .flatMap(({ firm, score, reasons, against }) =>
        firm.subsector
          ? [{ firm: { id: firm.organisationId, name: firm.name, subsector: firm.subsector, municipality: firm.municipality, sizeBand: firm.sizeBand }, score, reasons, against }]
          : [],
      ),
  };
}
