import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertRunView } from '#shared/alerts.ts';
import { signedInAs, startTestApi, type TestApi } from '../helpers/api.ts';
import { subscriber } from '../helpers/alerts.ts';
import { marketplace, publishedChallenge } from '../helpers/challenges.ts';
import { createInbox } from '../helpers/inbox.ts';
import { outboxDelivery } from '../helpers/organisations.ts';
import { sesRejections } from '../helpers/ses-rejections.ts';
import { createTestTable } from '../helpers/table.ts';

describe('Staff delivery view: each alert run with its counts, and a retry of its failed emails', () => {
  const inbox = createInbox();
  const world = {} as {
    api: TestApi;
    ses: Awaited<ReturnType<typeof sesRejections>>;
    deliver: () => Promise<number>;
    people: Awaited<ReturnType<typeof marketplace>>;
  };
  const staff = <T>(method: string, path: string) => world.api.call<T>(method, path, { cookie: world.people.staff.cookie });
  const listed = async (runId: string) => (await staff<{ items: AlertRunView[] }>('GET', '/api/staff/alert-runs?limit=100')).body.items.find((run) => run.runId === runId);
  const alertsTo = async (address: string, title: string) => (await inbox.to(address)).filter((email) => email.subject === `New challenge: “${title}”`);

  beforeAll(async () => {
    // Prepare: a fresh table and SES reached through a stand-in that can refuse addresses, before anything reads the configuration.
    const { tableName, sesEndpoint } = await createTestTable();
    world.ses = await sesRejections(sesEndpoint);
    process.env['SES_ENDPOINT'] = world.ses.endpoint;
    world.api = await startTestApi();
    world.deliver = outboxDelivery(tableName);
    world.people = await marketplace(world.api);
  });
  afterAll(async () => {
    await world.api?.stop();
    await world.ses?.stop();
  });

  it("lists a challenge's fan-out with what became of its emails, newest first", async () => {
    // Prepare: two subscribers who fit, one who does not.
    const firm = world.people.firm.organisationId;
    const fitting = [await subscriber('listed-a', { disciplines: ['film_video'] }, firm), await subscriber('listed-b', { disciplines: ['film_video'] })];
    await subscriber('listed-other', { disciplines: ['sound'] }, firm);
    const title = `Listed run ${Date.now()}`;

    // Act
    const challenge = await publishedChallenge(world, { title, disciplines: ['film_video'] });
    const whileMatching = await listed(`challenge-${challenge.id}`);
    await world.deliver();
    const page = await staff<{ items: AlertRunView[]; cursor: string | null }>('GET', '/api/staff/alert-runs?limit=1');

    // Assess: the run is listed before delivery (its matching under way) and after it, with every email accounted for.
    expect(whileMatching).toMatchObject({ kind: 'challenge', title, challengeId: challenge.id, status: 'matching', matched: 0 });
    expect(page.status).toBe(200);
    expect(page.body.items).toEqual([
      {
        runId: `challenge-${challenge.id}`,
        kind: 'challenge',
        title,
        challengeId: challenge.id,
        startedAt: expect.any(String),
        status: 'matched',
        matched: 2,
        sent: 2,
        suppressed: 0,
        failed: 0,
        pending: 0,
      },
    ]);
    for (const { email } of fitting) expect(await alertsTo(email, title)).toHaveLength(1);
  });

  it('retries only the refused emails of a failed chunk, once, and moves the counts', async () => {
    // Prepare: three subscribers in one chunk; SES refuses one of them for good.
    const firm = world.people.firm.organisationId;
    const [anna, refused, ben] = [
      await subscriber('anna', { disciplines: ['game_design'] }, firm),
      await subscriber('refused', { disciplines: ['game_design'] }, firm),
      await subscriber('ben', { disciplines: ['game_design'] }),
    ];
    world.ses.refuse(refused!.email);
    const title = `Retried run ${Date.now()}`;
    const challenge = await publishedChallenge(world, { title, disciplines: ['game_design'] });
    const runId = `challenge-${challenge.id}`;
    await world.deliver();
    const failed = await listed(runId);

    // Act: a retry while SES still refuses the address; then one after it takes it again; then one more.
    const stillRefused = await staff<AlertRunView>('POST', `/api/staff/alert-runs/${runId}/retry`);
    world.ses.accept(refused!.email);
    const retried = await staff<AlertRunView>('POST', `/api/staff/alert-runs/${runId}/retry`);
    const again = await staff<AlertRunView>('POST', `/api/staff/alert-runs/${runId}/retry`);

    // Assess: each recipient has exactly one alert; the run's counts moved from failed to sent.
    expect(failed).toMatchObject({ status: 'matched', matched: 3, sent: 2, suppressed: 0, failed: 1, pending: 0 });
    expect(stillRefused.status).toBe(200);
    expect(stillRefused.body).toMatchObject({ matched: 3, sent: 2, failed: 1, pending: 0 });
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ runId, matched: 3, sent: 3, suppressed: 0, failed: 0, pending: 0 });
    expect(again.status).toBe(409);
    expect(await listed(runId)).toEqual(retried.body);
    for (const { email } of [anna!, refused!, ben!]) expect(await alertsTo(email, title)).toHaveLength(1);
  });

  it('answers 404 for a run that does not exist, 400 for what is no run id, and 404 to anyone but staff, as every staff route does', async () => {
    const someone = await signedInAs(`someone-${ulid()}@example.nl`);
    const firmOwner = world.people.firm.cookie;

    expect((await staff('POST', `/api/staff/alert-runs/challenge-${ulid()}/retry`)).status).toBe(404);
    expect((await staff('POST', '/api/staff/alert-runs/digest-2026-W50/retry')).status).toBe(404);
    expect((await staff('POST', '/api/staff/alert-runs/everything/retry')).status).toBe(400);
    for (const cookie of [someone.cookie, firmOwner]) {
      expect((await world.api.call('GET', '/api/staff/alert-runs', { cookie })).status).toBe(404);
      expect((await world.api.call('POST', `/api/staff/alert-runs/digest-2026-W50/retry`, { cookie })).status).toBe(404);
    }
    expect((await world.api.call('GET', '/api/staff/alert-runs')).status).toBe(401);
  });
});
