import { describe, expect, it } from 'vitest';
import { handler as runDeadlineJobs } from '#functions/events/close-challenges.ts';
import { createLambdaContext } from '#functions/local/lambda-context.ts';
import { wiring } from '#functions/wiring.ts';
import { daysFromNow, publishedChallenge, useMarketplace } from '../helpers/challenges.ts';
import { createInbox } from '../helpers/inbox.ts';

const world = useMarketplace();
const inbox = createInbox();
const deadlineJobs = () => runDeadlineJobs({}, createLambdaContext('crossover-close-challenges', 60_000));

describe('Question-deadline reminder', () => {
  it('reminds the followers of a challenge whose questions close within 48 hours, once, and nobody else', async () => {
    const { firm, otherFirm } = world.people;
    const soon = await publishedChallenge(world, { title: 'Questions close tomorrow', questionDeadline: daysFromNow(1), bidDeadline: daysFromNow(10) });
    const later = await publishedChallenge(world, { title: 'Questions close next week', questionDeadline: daysFromNow(5), bidDeadline: daysFromNow(10) });
    for (const { id } of [soon, later]) expect((await world.api.call('PUT', `/api/challenges/${id}/follow`, { cookie: firm.cookie })).status).toBe(200);

    const [first, second] = [await deadlineJobs(), await deadlineJobs()];
    await world.deliver();

    expect([first.questionReminders, second.questionReminders]).toEqual([1, 0]);
    const reminders = (email: string) => inbox.to(email).then((emails) => emails.filter((message) => message.subject.startsWith('Two days left to ask')));
    const toFollower = await reminders(firm.email);
    expect(toFollower.map(({ subject }) => subject)).toEqual(['Two days left to ask about “Questions close tomorrow”']);
    expect(toFollower[0]!.body.text).toContain(`/en/challenges/${soon.id}`);
    expect(await reminders(otherFirm.email)).toEqual([]);
    const { challenges } = wiring().challengePorts;
    expect((await challenges.challenge(soon.id))?.questionReminderSentAt).toEqual(expect.any(String));
    expect((await challenges.challenge(later.id))?.questionReminderSentAt).toBeUndefined();
  });
});
