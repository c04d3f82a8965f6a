import { defaultLanguage } from '#shared/language.ts';
import type { StoredOrganisation, StoredPerson } from '../organisations/ports.ts';
import type { EmailType, OwedEmail } from '../kernel.ts';
import { ndaAcceptedBy } from './get-challenge.ts';
import type { ChallengePorts, StoredChallenge, Viewer } from './ports.ts';
import { maySee } from './viewer.ts';
import { briefAccess } from './views.ts';

type Recipient = OwedEmail['recipients'][number];

/** A member as an email's recipient; an erased person is none. */
const recipientOf = (person: StoredPerson): Recipient[] =>
  person.erasedAt ? [] : [{ email: person.email, language: person.language, ...(person.name ? { name: person.name } : {}) }];

/** The members of these organisations (an erased person is left out), each in their own language. */
export async function membersOf(organisationIds: Iterable<string>, ports: ChallengePorts): Promise<Recipient[]> {
  const lists = await Promise.all([...new Set(organisationIds)].map((organisationId) => ports.organisations.members(organisationId)));
  return lists.flat().flatMap(recipientOf);
}

/** The page's viewer in a member of this organisation (staff are told as staff, never as a member). */
export const memberViewer = (organisation: StoredOrganisation): Viewer => ({
  staff: false,
  organisationId: organisation.organisationId,
  organisationKind: organisation.kind,
  organisationVerified: organisation.status === 'verified',
});

/** What an email about a challenge quotes: the challenge as its summary shows it (title, deadlines, a reason), or its brief and Q&A. */
export type Quoting = 'challenge' | 'brief';

/**
 * The members of these organisations who may read on the challenge's page what the email quotes,
 * judged by the page's own rules: the challenge at all (one for verified firms only while their firm
 * is verified), and its brief and Q&A only with the NDA accepted by a verified firm. An email never
 * tells its recipient more than the page would.
 */
export async function readersAmong(challenge: StoredChallenge, organisationIds: Iterable<string>, quoting: Quoting, ports: ChallengePorts): Promise<Recipient[]> {
  const lists = await Promise.all(
    [...new Set(organisationIds)].map(async (organisationId) => {
      const [organisation, members] = await Promise.all([ports.organisations.organisation(organisationId), ports.organisations.members(organisationId)]);
      if (!organisation) return [];
      const viewer = memberViewer(organisation);
      if (!maySee(viewer, challenge)) return [];
      const ndaAccepted = quoting === 'brief' && (await ndaAcceptedBy(challenge, viewer, ports));
      return members.filter((person) => quoting === 'challenge' || briefAccess(challenge, { viewer: { ...viewer, userId: person.userId }, ndaAccepted }) === 'full');
    }),
  );
  return lists.flat().flatMap(recipientOf);
}

/** The commissioner's members: told of moderation decisions and of the deadline passing. */
export const commissionerRecipients = (challenge: StoredChallenge, ports: ChallengePorts) => membersOf([challenge.organisationId], ports);

/** The cluster staff, each in their own language if they have signed in before. */
export async function staffRecipients(ports: ChallengePorts): Promise<Recipient[]> {
  const known = new Map((await ports.organisations.peopleByEmail(ports.staffEmails)).map((person) => [person.email, person.language]));
  return ports.staffEmails.map((email) => ({ email, language: known.get(email) ?? defaultLanguage }));
}

/** Every firm that has shown interest: asked a question, follows it, or has a place in a bid (a partner that declined has none). */
export async function interestedFirms(challenge: StoredChallenge, ports: ChallengePorts): Promise<string[]> {
  const [followers, questions, bidders] = await Promise.all([
    ports.challenges.followers(challenge.challengeId),
    ports.challenges.questions(challenge.challengeId),
    ports.bids.bidders(challenge.challengeId),
  ]);
  return [...followers, ...questions.map((question) => question.askerOrganisationId), ...bidders.map((bidder) => bidder.organisationId)];
}

/** The members of the interested firms who may read what the email quotes. */
export const interestedFirmRecipients = async (challenge: StoredChallenge, quoting: Quoting, ports: ChallengePorts) =>
  readersAmong(challenge, await interestedFirms(challenge, ports), quoting, ports);

/** An email about a challenge, or none if nobody is left to tell. */
export function challengeEmail(type: EmailType, challenge: StoredChallenge, recipients: Recipient[], data: Record<string, unknown> = {}): OwedEmail[] {
  if (!recipients.length) return [];
  return [{ type, recipients, data: { challengeId: challenge.challengeId, challengeTitle: challenge.title, commissionerName: challenge.commissionerName, ...data } }];
}
