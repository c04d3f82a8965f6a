import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { signedInAs, uniqueEmail } from '../helpers/api.ts';
import { challengeTerms, useMarketplace, type ChallengeAnswer } from '../helpers/challenges.ts';
import { createInbox } from '../helpers/inbox.ts';

describe('Erasure: a member (not the owner) of an organisation erases their account', () => {
  const world = useMarketplace();
  const inbox = createInbox();

  /** A person invited to the commissioner by its owner, who accepts and names themselves. */
  const joinedMember = async (name: string) => {
    const { commissioner } = world.people;
    const email = uniqueEmail('member');
    const invited = await world.api.call('POST', `/api/organisations/${commissioner.organisationId}/invitations`, { body: { email }, cookie: commissioner.cookie });
    const member = await signedInAs(email);
    const accepted = await world.api.call('POST', `/api/me/invitations/${commissioner.organisationId}/accept`, { cookie: member.cookie });
    const named = await world.api.call('PATCH', '/api/me', { body: { name }, cookie: member.cookie });
    expect([invited.status, accepted.status, named.status]).toEqual([201, 200, 200]);
    return { ...member, email };
  };
  const draftedBy = async (cookie: string) => {
    const title = `Erasure ${ulid().slice(-8)}`;
    const created = await world.api.call<ChallengeAnswer>('POST', '/api/challenges', { body: challengeTerms({ title }), cookie });
    expect(created.status).toBe(201);
    return { ...created.body, title };
  };
  const auditOf = async (challengeId: string) =>
    (await world.api.call<ChallengeAnswer>('GET', `/api/challenges/${challengeId}`, { cookie: world.people.commissioner.cookie })).body.audit ?? [];
  const erase = async (cookie: string) => expect((await world.api.call('DELETE', '/api/me', { cookie })).status).toBe(204);

  it('keeps the audit lines of what they did, with their role and without their name', async () => {
    // Prepare: the member drafts a challenge; the owner sees their name on its first audit line.
    const member = await joinedMember('Erika Wissel');
    const challenge = await draftedBy(member.cookie);
    expect((await auditOf(challenge.id))[0]).toMatchObject({ action: 'created', actorRole: 'commissioner', actorName: 'Erika Wissel' });

    // Act
    await erase(member.cookie);

    // Assess: the line stays, naming no one.
    const [created] = await auditOf(challenge.id);
    expect(created).toMatchObject({ action: 'created', actorRole: 'commissioner' });
    expect(created).not.toHaveProperty('actorName');
    expect(JSON.stringify(await auditOf(challenge.id))).not.toContain('Erika');
  });

  it('sends them no more of the organisation’s email, while the owner still gets it', async () => {
    // Prepare: a challenge sent back by staff, which mails every member of the commissioner, the member included.
    const { commissioner, staff } = world.people;
    const member = await joinedMember('Mees Kuiper');
    const challenge = await draftedBy(commissioner.cookie);
    const submitted = await world.api.call<ChallengeAnswer>('POST', `/api/challenges/${challenge.id}/submit`, {
      body: { version: challenge.version },
      cookie: commissioner.cookie,
    });
    const sentBack = await world.api.call<ChallengeAnswer>('POST', `/api/staff/challenges/${challenge.id}/request-changes`, {
      body: { version: submitted.body.version, comment: 'Name the budget range, please.' },
      cookie: staff.cookie,
    });
    await world.deliver();
    const about = async (address: string) => (await inbox.to(address)).filter((email) => email.subject.includes(challenge.title)).map((email) => email.subject);
    expect(await about(member.email)).toEqual([`Your challenge “${challenge.title}” needs a few changes`]);

    // Act: the member erases their account; then the challenge is resubmitted and approved, which mails the members again.
    await erase(member.cookie);
    const resubmitted = await world.api.call<ChallengeAnswer>('POST', `/api/challenges/${challenge.id}/submit`, {
      body: { version: sentBack.body.version },
      cookie: commissioner.cookie,
    });
    const approved = await world.api.call('POST', `/api/staff/challenges/${challenge.id}/approve`, { body: { version: resubmitted.body.version }, cookie: staff.cookie });
    expect(approved.status).toBe(200);
    await world.deliver();

    // Assess
    expect(await about(commissioner.email)).toContain(`Your challenge “${challenge.title}” is live`);
    expect(await about(member.email)).toEqual([`Your challenge “${challenge.title}” needs a few changes`]);
  });
});
