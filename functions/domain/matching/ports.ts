import type { disciplines } from '#shared/organisation.ts';
import type { ChallengeStore } from '../challenges/ports.ts';
import type { StoredOrganisation } from '../organisations/ports.ts';

type Discipline = (typeof disciplines)[number];

/** Where the candidates for a challenge come from. */
export interface CandidateStore {
  /**
   * The verified creative firms listed under any of these disciplines, each once: one Query of at
   * most `perDiscipline` directory entries per discipline (by name), then BatchGets of the firms.
   */
  firmsWithDisciplines(disciplines: readonly Discipline[], perDiscipline: number): Promise<StoredOrganisation[]>;
}

/** What matching reads: the challenge, and the candidates by the directory's discipline index. */
export interface MatchingPorts {
  challenges: Pick<ChallengeStore, 'challenge'>;
  candidates: CandidateStore;
}
