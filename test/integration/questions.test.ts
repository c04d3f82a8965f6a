import { describe, expect, it } from 'vitest';
import { daysFromNow, publishedChallenge, storedChallenge, useMarketplace, type ChallengeAnswer, type Problem } from '../helpers/challenges.ts';
import { createInbox } from '../helpers/inbox.ts';

describe('Clarification questions, following and NDAs on published challenges', () => {
  const inbox = createInbox();
  const world = useMarketplace();

  const ask = (challengeId: string, question: string, cookie: string) =>
    world.api.call<ChallengeAnswer & Problem>('POST', `/api/challenges/${challengeId}/questions`, { body: { question }, cookie });
  const answer = (challengeId: string, questionId: string, text: string) =>
    world.api.call<ChallengeAnswer & Problem>('POST', `/api/challenges/${challengeId}/questions/${questionId}/answer`, {
      body: { answer: text },
      cookie: world.people.commissioner.cookie,
    });
  const view = (challengeId: string, cookie?: string) => world.api.call<ChallengeAnswer>('GET', `/api/challenges/${challengeId}`, { ...(cookie ? { cookie } : {}) });

  it('publishes an answer with its question but never who asked, and emails every firm that asked or follows', async () => {
    const challenge = await publishedChallenge(world, { title: 'Questions welcome here' });
    await world.api.call('PUT', `/api/challenges/${challenge.id}/follow`, { cookie: world.people.otherFirm.cookie });

    const asked = await ask(challenge.id, 'May we work with a partner outside the region?', world.people.firm.cookie);
    const question = asked.body.questions.find((entry) => entry.askedByYou)!;
    const beforeAnswer = await view(challenge.id, world.people.otherFirm.cookie);
    const answered = await answer(challenge.id, question.id, 'Yes, if the lead firm is from the region.');
    const seenByOther = await view(challenge.id, world.people.otherFirm.cookie);
    await world.deliver();

    expect(asked.status).toBe(201);
    expect(beforeAnswer.body.questions).toEqual([]);
    expect(answered.body.questions[0]).toMatchObject({ answer: 'Yes, if the lead firm is from the region.' });
    expect(seenByOther.body.questions).toEqual([
      expect.objectContaining({ question: 'May we work with a partner outside the region?', answer: 'Yes, if the lead firm is from the region.', askedByYou: false }),
    ]);
    expect(JSON.stringify(seenByOther.body)).not.toContain(world.people.firm.organisationId);
    for (const firm of [world.people.firm, world.people.otherFirm]) {
      const mails = (await inbox.to(firm.email)).filter((email) => email.subject.includes('Questions welcome here'));
      expect(mails, firm.email).toHaveLength(1);
      expect(mails[0]!.body.text).toContain('Yes, if the lead firm is from the region.');
      expect(mails[0]!.body.text).not.toContain('Studio Noord');
    }
  });

  it('shows the commissioner every question, unanswered ones too, without the asking firm', async () => {
    const challenge = await publishedChallenge(world);
    await ask(challenge.id, 'Is the budget including VAT?', world.people.firm.cookie);

    const seen = await view(challenge.id, world.people.commissioner.cookie);

    expect(seen.body.questions).toEqual([expect.objectContaining({ question: 'Is the budget including VAT?', askedByYou: false })]);
    expect(seen.body.questions[0]!.answer).toBeUndefined();
    expect(seen.body.can).toMatchObject({ answer: true, ask: false });
  });

  it('refuses a second answer to the same question with 409, keeping the first', async () => {
    const challenge = await publishedChallenge(world);
    const asked = await ask(challenge.id, 'Can we visit the site first?', world.people.firm.cookie);
    const questionId = asked.body.questions[0]!.id;

    await answer(challenge.id, questionId, 'Yes, on 3 March.');
    const second = await answer(challenge.id, questionId, 'No, sorry.');

    expect(second.status).toBe(409);
    expect((await view(challenge.id, world.people.firm.cookie)).body.questions[0]!.answer).toBe('Yes, on 3 March.');
  });

  it('refuses questions after the question deadline, on a closed challenge and on a draft (409, 409, 404)', async () => {
    const pastQuestions = await storedChallenge(world.people.commissioner.organisationId, 'published', { questionDeadline: daysFromNow(-1), bidDeadline: daysFromNow(5) });
    const closed = await storedChallenge(world.people.commissioner.organisationId, 'published', { questionDeadline: daysFromNow(-3), bidDeadline: daysFromNow(-1) });
    const draft = await storedChallenge(world.people.commissioner.organisationId, 'draft');

    const answers = await Promise.all([pastQuestions, closed, draft].map((challenge) => ask(challenge.challengeId, 'Is there still time to ask?', world.people.firm.cookie)));

    expect(answers.map((answered) => answered.status)).toEqual([409, 409, 404]);
    expect(answers[0]!.body.detail).toMatch(/question deadline/);
  });

  it('refuses a question that is too short, naming body.question', async () => {
    const challenge = await publishedChallenge(world);

    const asked = await ask(challenge.id, 'Why?', world.people.firm.cookie);

    expect(asked.status).toBe(422);
    expect(asked.body.errors?.map((error) => error.field)).toEqual(['body.question']);
  });

  it('withholds the brief from visitors (sign in) and from firms until they accept the NDA; questions wait for it too', async () => {
    const challenge = await publishedChallenge(world, { ndaRequired: true, description: 'The confidential brief: our new flood barrier design, not yet public.' });

    const anonymous = await view(challenge.id);
    const before = await view(challenge.id, world.people.firm.cookie);
    const tooEarly = await ask(challenge.id, 'What is the barrier made of?', world.people.firm.cookie);
    const accepted = await world.api.call<ChallengeAnswer>('POST', `/api/challenges/${challenge.id}/nda`, { cookie: world.people.firm.cookie });
    const otherFirm = await view(challenge.id, world.people.otherFirm.cookie);

    expect(anonymous.body).toMatchObject({ briefAccess: 'sign_in' });
    expect(anonymous.body.description).toBeUndefined();
    expect(before.body).toMatchObject({ briefAccess: 'nda', can: { acceptNda: true, ask: false } });
    expect(before.body.description).toBeUndefined();
    expect(tooEarly.status).toBe(409);
    expect(accepted.body).toMatchObject({ briefAccess: 'full', description: 'The confidential brief: our new flood barrier design, not yet public.', can: { ask: true } });
    expect(otherFirm.body.briefAccess).toBe('nda');
  });

  it('lets a firm follow and unfollow an open challenge, idempotently, and lists what it follows', async () => {
    const challenge = await publishedChallenge(world);
    const follow = () => world.api.call<{ following: boolean }>('PUT', `/api/challenges/${challenge.id}/follow`, { cookie: world.people.firm.cookie });

    const first = await follow();
    const second = await follow();
    const viewed = await view(challenge.id, world.people.firm.cookie);
    const followedList = await world.api.call<{ items: { id: string }[] }>('GET', `/api/organisations/${world.people.firm.organisationId}/following`, {
      cookie: world.people.firm.cookie,
    });
    const unfollowed = await world.api.call<{ following: boolean }>('DELETE', `/api/challenges/${challenge.id}/follow`, { cookie: world.people.firm.cookie });

    expect([first.body, second.body]).toEqual([{ following: true }, { following: true }]);
    expect(viewed.body.following).toBe(true);
    expect(unfollowed.body).toEqual({ following: false });
    expect((await view(challenge.id, world.people.firm.cookie)).body.following).toBe(false);
    expect(followedList.body.items.map((item) => item.id)).toContain(challenge.id);
    const afterUnfollow = await world.api.call<{ items: { id: string }[] }>('GET', `/api/organisations/${world.people.firm.organisationId}/following`, {
      cookie: world.people.firm.cookie,
    });
    expect(afterUnfollow.body.items.map((item) => item.id)).not.toContain(challenge.id);
  });

  it('keeps the audit trail from firms and visitors, and shows it to the commissioner and staff', async () => {
    const challenge = await publishedChallenge(world);

    expect((await view(challenge.id)).body.audit).toBeUndefined();
    expect((await view(challenge.id, world.people.firm.cookie)).body.audit).toBeUndefined();
    expect((await view(challenge.id, world.people.commissioner.cookie)).body.audit?.map((entry) => entry.action)).toEqual(['created', 'submitted', 'approved']);
    expect((await view(challenge.id, world.people.staff.cookie)).body.audit).toHaveLength(3);
  });
});
