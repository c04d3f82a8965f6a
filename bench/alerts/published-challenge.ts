import type { CreateChallenge } from '#shared/challenge.ts';
import { createChallenge } from '#functions/domain/challenges/draft-challenge.ts';
import { transitionChallenge } from '#functions/domain/challenges/transition-challenge.ts';
import { findOrganisation } from '#functions/domain/organisations/get-organisation.ts';
import { registerOrganisation } from '#functions/domain/organisations/register-organisation.ts';
import { reviewOrganisation } from '#functions/domain/verification/review-organisation.ts';
import type { Wiring } from '#functions/wiring.ts';
import { commissionerRegistration } from '../../test/helpers/organisations.ts';

/**
 * A challenge published as in production, through the use cases the API runs:
 * 1. a commissioner registered and verified by staff  2. the challenge drafted and submitted
 * 3. staff approve it, which starts its alert run in the same transaction.
 * Answers the run's id (the run is named after its challenge).
 */
export async function publishChallenge(wired: Wiring, terms: CreateChallenge): Promise<{ challengeId: string; runId: string }> {
  const ports = wired.organisationPorts;
  const staffAccount = await wired.accounts.createAccount(wired.config.STAFF_EMAILS[0]!, 'en');
  const staff = { userId: staffAccount.userId, staff: true, organisationVerified: false };
  const owner = await wired.accounts.createAccount('alert-commissioner@bench.example', 'en');
  const registered = await registerOrganisation(owner.userId, commissionerRegistration({ name: 'Bench Alert Commissioner' }), ports);
  await reviewOrganisation(registered.id, { action: 'verify' }, ports);

  const organisation = await findOrganisation(registered.id, ports.store);
  const viewer = { userId: owner.userId, staff: false, organisationId: registered.id, organisationKind: 'commissioner' as const, organisationVerified: true };
  const draft = await createChallenge(terms, viewer, organisation, wired.challengePorts);
  const submitted = await transitionChallenge(draft.id, { action: 'submit', version: draft.version }, viewer, wired.challengePorts);
  await transitionChallenge(draft.id, { action: 'approve', version: submitted.version }, staff, wired.challengePorts);
  return { challengeId: draft.id, runId: `challenge-${draft.id}` };
}
