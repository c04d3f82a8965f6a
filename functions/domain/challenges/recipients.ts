import { defaultLanguage } from '#shared/language.ts';
import type { OwedEmail } from '../organisations/ports.ts';
import type { ChallengePorts, StoredChallenge } from './ports.ts';

type Recipient = OwedEmail['recipients'][number];

/** The members of these organisations (an erased person is left out), each in their own language. */
export async function membersOf(organisationIds: Iterable<string>, ports: ChallengePorts): Promise<Recipient[]> {
  const lists = await Promise.all([...new Set(organisationIds)].map((organisationId) => ports.organisations.members(organisationId)));
  return lists.flat().flatMap((person) => (person.erasedAt ? [] : [{ email: person.email, language: person.language, ...(person.name ? { name: person.name } : {}) }]));
}

/** The commissioner's members: told of moderation decisions and of the deadline passing. */
export const commissionerRecipients = (challenge: StoredChallenge, ports: ChallengePorts) => membersOf([challenge.organisationId], ports);

/** The cluster staff, each in their own language if they have signed in before. */
export async function staffRecipients(ports: ChallengePorts): Promise<Recipient[]> {
  return Promise.all(
    ports.staffEmails.map(async (email) => ({ email, language: (await ports.organisations.personByEmail(email))?.language ?? defaultLanguage })),
  );
}

/** Every member of every firm that has shown interest: asked a question, follows it, or has a place in a bid (a partner that declined has none). */
export async function interestedFirmRecipients(challenge: StoredChallenge, ports: ChallengePorts): Promise<Recipient[]> {
  const [followers, questions, bidders] = await Promise.all([
    ports.challenges.followers(challenge.challengeId),
    ports.challenges.questions(challenge.challengeId),
    ports.bids.bidders(challenge.challengeId),
  ]);
  return membersOf([...followers, ...questions.map((question) => question.askerOrganisationId), ...bidders.map((bidder) => bidder.organisationId)], ports);
}

/** An email about a challenge, or none if nobody is left to tell. */
export function challengeEmail(type: string, challenge: StoredChallenge, recipients: Recipient[], data: Record<string, unknown> = {}): OwedEmail[] {
  if (!recipients.length) return [];
  return [{ type, recipients, data: { challengeId: challenge.challengeId, challengeTitle: challenge.title, commissionerName: challenge.commissionerName, ...data } }];
}
