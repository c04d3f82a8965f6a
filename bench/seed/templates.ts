import type { CreateChallenge } from '#shared/challenge.ts';
import { sectors } from '#shared/organisation.ts';
import { createChallenge } from '#functions/domain/challenges/draft-challenge.ts';
import { transitionChallenge } from '#functions/domain/challenges/transition-challenge.ts';
import { findOrganisation } from '#functions/domain/organisations/get-organisation.ts';
import { registerOrganisation } from '#functions/domain/organisations/register-organisation.ts';
import { reviewOrganisation } from '#functions/domain/verification/review-organisation.ts';
import type { Wiring } from '#functions/wiring.ts';
import { challengeTerms, daysFromNow } from '../../test/helpers/challenges.ts';
import { commissionerRegistration, firmRegistration } from '../../test/helpers/organisations.ts';
import { challengeFacets, challengeTemplateCount, firmFacets, firmTemplateCount } from './facets.ts';

export interface Templates {
  /** One verified commissioner per sector; the first one's owner is the bench's signed-in user. */
  commissioners: { organisationId: string; userId: string; email: string }[];
  challenges: { challengeId: string }[];
  firms: { organisationId: string; userId: string; email: string; kvkNumber: string; name: string }[];
}

/**
 * The distinct records of the bench's marketplace, written by the same use cases the API runs,
 * so that they are exactly what the stores write (index items included, whatever they are):
 * 1. a verified commissioner per sector  2. challenges drafted, submitted and approved
 * 3. verified creative firms. Copies of these make up the rest of the table (clone-records.ts).
 */
export async function seedTemplates(wired: Wiring): Promise<Templates> {
  const ports = wired.organisationPorts;
  const staffAccount = await wired.accounts.createAccount(wired.config.STAFF_EMAILS[0]!, 'nl');
  const staff = { userId: staffAccount.userId, staff: true, organisationVerified: false };

  const registered = async (email: string, registration: ReturnType<typeof commissionerRegistration>) => {
    const account = await wired.accounts.createAccount(email, 'nl');
    const organisation = await registerOrganisation(account.userId, registration, ports);
    await reviewOrganisation(organisation.id, { action: 'verify' }, ports);
    return { organisationId: organisation.id, userId: account.userId, email };
  };

  const commissioners = [];
  for (const [index, sector] of sectors.entries()) {
    commissioners.push(await registered(`commissioner-${index}@bench.example`, commissionerRegistration({ name: `Bench Commissioner ${sector}`, sector })));
  }

  const challenges = [];
  for (let k = 0; k < challengeTemplateCount; k += 1) {
    const facets = challengeFacets(k);
    const owner = commissioners[sectors.indexOf(facets.sector)]!;
    const organisation = await findOrganisation(owner.organisationId, ports.store);
    const viewer = { userId: owner.userId, staff: false, organisationId: owner.organisationId, organisationKind: 'commissioner' as const, organisationVerified: true };
    const draft = await createChallenge(templateTerms(k), viewer, organisation, wired.challengePorts);
    const submitted = await transitionChallenge(draft.id, { action: 'submit', version: draft.version }, viewer, wired.challengePorts);
    await transitionChallenge(draft.id, { action: 'approve', version: submitted.version }, staff, wired.challengePorts);
    challenges.push({ challengeId: draft.id });
  }

  const firms = [];
  for (let k = 0; k < firmTemplateCount; k += 1) {
    const registration = firmRegistration({ name: firmTemplateName(k), ...firmFacets(k) });
    firms.push({ ...(await registered(`firm-${k}@bench.example`, registration)), kvkNumber: registration.kvkNumber, name: registration.name });
  }
  return { commissioners, challenges, firms };
}

/** Template firm names end in a number of their own, which each copy replaces with its own. */
export const firmTemplateName = (k: number) => `Bench Studio ${String(900_000 + k)}`;

/** The test suite's valid challenge, with template `k`'s facets and deadlines far enough ahead to stay open through a run. */
export function templateTerms(k: number): CreateChallenge {
  const { titleWord, sector: _sector, ...facets } = challengeFacets(k);
  return challengeTerms({
    ...facets,
    title: `Hittestress in de ${titleWord} zichtbaar maken ${k}`,
    questionDeadline: daysFromNow(50),
    bidDeadline: daysFromNow(60),
    expectedStart: daysFromNow(80).slice(0, 10),
  });
}
