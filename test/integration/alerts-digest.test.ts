import { describe, expect, it } from 'vitest';
import { startWeeklyDigest } from '#functions/domain/alerts/weekly-digest.ts';
import { wiring } from '#functions/wiring.ts';
import { subscriber } from '../helpers/alerts.ts';
import { publishedChallenge, useMarketplace } from '../helpers/challenges.ts';
import { createInbox } from '../helpers/inbox.ts';

const world = useMarketplace();
const inbox = createInbox();

/** The digest job as it runs next week, when this week's challenges are last week's. */
const nextWeek = () => startWeeklyDigest({ ...wiring().digestPorts, now: () => new Date(Date.now() + 7 * 24 * 60 * 60 * 1000) });

describe('Weekly digest', () => {
  it("sends each weekly subscriber one email listing last week's challenges that fit them, nothing to those none fit, and only once", async () => {
    const firm = world.people.firm.organisationId;
    const serviceDesign = await subscriber('digest-service', { disciplines: ['service_design'], frequency: 'weekly' }, firm);
    const everything = await subscriber('digest-any', { frequency: 'weekly' }, firm);
    const sound = await subscriber('digest-sound', { disciplines: ['sound'], frequency: 'weekly' }, firm);
    const immediately = await subscriber('digest-now', { disciplines: ['service_design'] }, firm);
    const first = await publishedChallenge(world, { title: 'Wayfinding for the ferry', disciplines: ['service_design'] });
    const second = await publishedChallenge(world, { title: 'Posters for the library', disciplines: ['illustration'] });
    await world.deliver();

    const [started, again] = await Promise.all([nextWeek(), nextWeek()]);
    expect([started.started, again.started].sort()).toEqual([false, true]);
    expect(started).toMatchObject({ runId: again.runId, challenges: 2 });
    await world.deliver();

    const digests = async (email: string) => (await inbox.to(email)).filter((message) => message.subject.startsWith('This week:'));
    const [ofServiceDesign] = await digests(serviceDesign.email);
    expect(ofServiceDesign!.subject).toBe('This week: 1 new challenge for you on Crossover');
    expect(ofServiceDesign!.body.text).toContain(`/en/challenges/${first.id}`);
    expect(ofServiceDesign!.body.text).not.toContain(second.id);
    const [ofEverything] = await digests(everything.email);
    expect(ofEverything!.subject).toBe('This week: 2 new challenges for you on Crossover');
    expect(await digests(sound.email)).toEqual([]);
    expect(await digests(immediately.email)).toEqual([]);
    expect(await digests(serviceDesign.email)).toHaveLength(1);

    expect(await wiring().alertRuns.run(started.runId)).toMatchObject({ kind: 'digest', status: 'matched', matched: 2, sent: 2, failed: 0 });
  });
});
