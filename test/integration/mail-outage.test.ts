import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboxDispatcher } from '#functions/events/outbox-dispatcher.ts';
import { findFreePorts } from '#functions/local/tcp-ports.ts';
import { startSesLocal, type SesLocal } from '#functions/local/ses-local.ts';
import { createStreamPoller, type StreamPoller } from '#functions/local/stream-poller.ts';
import { mailWiring } from '#functions/mail-wiring.ts';
import { wiring } from '#functions/wiring.ts';
import { signedInAs, startTestApi, uniqueEmail, type TestApi } from '../helpers/api.ts';
import { createInbox, recipients, type Inbox } from '../helpers/inbox.ts';
import { commissionerRegistration, registeredBy } from '../helpers/organisations.ts';
import { createTestTable } from '../helpers/table.ts';

describe('Faults: the mail service unreachable', () => {
  // An SES stand-in of this file's own, so stopping it troubles no other test file.
  const checkpoints = mkdtempSync(join(tmpdir(), 'crossover-mail-outage-'));
  let port: number;
  let ses: SesLocal | undefined;
  let inbox: Inbox;
  let api: TestApi;
  let endpoints: Awaited<ReturnType<typeof createTestTable>>;
  const pollers: StreamPoller[] = [];
  const startMail = async () => (ses = await startSesLocal({ port }));

  /** The outbox's stream read as npm start reads it, from the start of the stream unless a checkpoint file says otherwise. */
  const outbox = (checkpoint: string) => {
    const poller = createStreamPoller({
      dynamoDbEndpoint: endpoints.dynamoDbEndpoint,
      tableName: endpoints.tableName,
      handler: createOutboxDispatcher(mailWiring),
      checkpointFile: join(checkpoints, checkpoint),
    });
    pollers.push(poller);
    return poller;
  };

  beforeAll(async () => {
    [port = 0] = await findFreePorts(1);
    await startMail();
    inbox = createInbox(`http://127.0.0.1:${port}`);
    endpoints = await createTestTable({ sesEndpoint: `http://127.0.0.1:${port}` });
    api = await startTestApi();
  });

  afterAll(async () => {
    await Promise.all(pollers.map((poller) => poller.stop()));
    await api?.stop();
    await ses?.service.stop();
    rmSync(checkpoints, { recursive: true, force: true });
  });

  it('keeps an email whose event happened while SES was down, and sends it exactly once when SES is back on its port', async () => {
    const staff = await signedInAs(wiring().config.STAFF_EMAILS[0]!);
    const owner = await registeredBy(api, commissionerRegistration());
    const running = outbox('running.json');
    await running.drain();
    await ses?.service.stop();

    const verified = await api.call('POST', `/api/staff/organisations/${owner.organisationId}/verify`, { cookie: staff.cookie });
    const outage = await running.pollOnce();

    expect(verified.status).toBe(200);
    expect(outage.failure).toBeDefined();

    await startMail();
    running.start();
    // The poller retries on its own, backing off up to 30 s; a generous bound, not a timing.
    const email = await inbox.waitFor((sent) => recipients(sent).includes(owner.email.toLowerCase()), { timeoutMs: 120_000 });
    // The whole stream once more from its start: nothing may be sent twice.
    await outbox('from-the-start.json').drain();

    expect(email.subject).toContain('verified');
    expect(await inbox.to(owner.email)).toHaveLength(1);
  }, 180_000);

  it('answers a sign-in code request with a problem+json 503 and Retry-After while SES is down, so the person knows to ask again', async () => {
    await ses?.service.stop();
    try {
      const answer = await api.call('POST', '/api/auth/code', { body: { email: uniqueEmail('waiting') } });

      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
    } finally {
      await startMail();
    }
  }, 60_000);
});
