import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs, startTestApi, uniqueEmail, type TestApi } from '../helpers/api.ts';
import { challengeTerms, marketplace } from '../helpers/challenges.ts';
import { commissionerRegistration, firmRegistration, registeredBy } from '../helpers/organisations.ts';
import { createTestTable } from '../helpers/table.ts';
import { transactionConflicts } from '../helpers/transaction-conflicts.ts';

/** How many requests each race sends at once: enough for DynamoDB to cancel some with a TransactionConflict. */
const RACERS = 25;
const APPROVAL_RACERS = 10;

/** The statuses of a race's answers, counted: `{ 200: 1, 409: 24 }`. */
const tally = (answers: { status: number }[]) => answers.reduce<Record<number, number>>((counts, { status }) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }), {});

describe('Races: concurrent writes to one item end in one success and 409s, never a 500', () => {
  const world = {} as { api: TestApi; conflicts: Awaited<ReturnType<typeof transactionConflicts>>; people: Awaited<ReturnType<typeof marketplace>> };
  beforeAll(async () => {
    // Prepare: the API talks to DynamoDB Local through a stand-in that can cancel a transaction as DynamoDB does under contention.
    const { dynamoDbEndpoint } = await createTestTable();
    world.conflicts = await transactionConflicts(dynamoDbEndpoint);
    process.env['DYNAMODB_ENDPOINT'] = world.conflicts.endpoint;
    world.api = await startTestApi();
    world.people = await marketplace(world.api);
  });
  afterAll(async () => {
    await world.api?.stop();
    await world.conflicts?.stop();
  });

  it('lets one of many concurrent registrations by the same person through and refuses the rest with a 4xx, never a 500', async () => {
    // Prepare: a signed-in person without an organisation.
    const person = await signedInAs(uniqueEmail('racer'));

    // Act: the same person registers many organisations at once.
    const answers = await Promise.all(Array.from({ length: RACERS }, () => world.api.call('POST', '/api/organisations', { body: firmRegistration(), cookie: person.cookie })));

    // Assess: exactly one registration; the others lost the race (409) or came after it, when the person's organisation is pending (403).
    expect(tally(answers)[201]).toBe(1);
    expect(answers.filter(({ status }) => status !== 201).every(({ status }) => status === 409 || status === 403)).toBe(true);
  });

  it('lets one of many concurrent registrations of the same KvK number through and answers the rest 409', async () => {
    // Prepare: many people, each signed in, all claiming one number.
    const people = await Promise.all(Array.from({ length: RACERS }, () => signedInAs(uniqueEmail('claimant'))));
    const registration = commissionerRegistration();

    // Act
    const answers = await Promise.all(people.map(({ cookie }) => world.api.call('POST', '/api/organisations', { body: registration, cookie })));

    // Assess
    expect(tally(answers)).toEqual({ 201: 1, 409: RACERS - 1 });
  });

  it('applies one of many concurrent edits of an organisation read at the same version and answers the rest 409', async () => {
    // Prepare
    const owner = await registeredBy(world.api, commissionerRegistration());

    // Act: every edit was read at version 1.
    const answers = await Promise.all(
      Array.from({ length: RACERS }, (_, index) =>
        world.api.call('PATCH', `/api/organisations/${owner.organisationId}`, {
          body: { kind: 'commissioner', version: 1, description: `Edit number ${index} of the innovation team's description.` },
          cookie: owner.cookie,
        }),
      ),
    );

    // Assess
    expect(tally(answers)).toEqual({ 200: 1, 409: RACERS - 1 });
  });

  it('takes one of many concurrent transitions of a challenge and answers the rest 409', async () => {
    // Prepare: a draft challenge of the verified commissioner.
    const { commissioner, staff } = world.people;
    const created = await world.api.call<{ id: string; version: number }>('POST', '/api/challenges', { body: challengeTerms(), cookie: commissioner.cookie });
    expect(created.status).toBe(201);

    // Act: the commissioner submits it many times at once, then staff approve it many times at once.
    const submits = await Promise.all(
      Array.from({ length: RACERS }, () =>
        world.api.call<{ version: number }>('POST', `/api/challenges/${created.body.id}/submit`, { body: { version: created.body.version }, cookie: commissioner.cookie }),
      ),
    );
    const submitted = submits.find(({ status }) => status === 200);
    // Fewer at once here: each approval is one transaction of some fifty items (list entries, the alert run, the
    // question deadline), and DynamoDB Local answers twenty-five of those in a row slower than the API waits (503).
    const approvals = await Promise.all(
      Array.from({ length: APPROVAL_RACERS }, () =>
        world.api.call('POST', `/api/staff/challenges/${created.body.id}/approve`, { body: { version: submitted?.body.version }, cookie: staff.cookie }),
      ),
    );

    // Assess
    expect(tally(submits)).toEqual({ 200: 1, 409: RACERS - 1 });
    expect(tally(approvals)).toEqual({ 200: 1, 409: APPROVAL_RACERS - 1 });
  });

  it('answers 409, not 500, when DynamoDB cancels an organisation edit for a concurrent transaction', async () => {
    // Prepare
    const owner = await registeredBy(world.api, commissionerRegistration());
    world.conflicts.conflictNext(0);

    // Act
    const edit = await world.api.call('PATCH', `/api/organisations/${owner.organisationId}`, {
      body: { kind: 'commissioner', version: 1, sizeBand: '50-249' },
      cookie: owner.cookie,
    });
    const retried = await world.api.call('PATCH', `/api/organisations/${owner.organisationId}`, {
      body: { kind: 'commissioner', version: 1, sizeBand: '50-249' },
      cookie: owner.cookie,
    });

    // Assess: the lost race is the caller's to retry, and the retry goes through.
    expect(edit.status).toBe(409);
    expect(retried.status).toBe(200);
  });

  it('answers 409, not 500, when DynamoDB cancels a registration for a concurrent transaction on the owner or the KvK number', async () => {
    // Prepare
    const person = await signedInAs(uniqueEmail('contended'));
    const registration = firmRegistration();

    // Act: a conflict on the owner's user item, then on the KvK claim, then none.
    world.conflicts.conflictNext(2);
    const onOwner = await world.api.call('POST', '/api/organisations', { body: registration, cookie: person.cookie });
    world.conflicts.conflictNext(1);
    const onClaim = await world.api.call('POST', '/api/organisations', { body: registration, cookie: person.cookie });
    const registered = await world.api.call('POST', '/api/organisations', { body: registration, cookie: person.cookie });

    // Assess
    expect([onOwner.status, onClaim.status, registered.status]).toEqual([409, 409, 201]);
  });

  it('answers 409, not 500, when DynamoDB cancels a challenge transition for a concurrent transaction', async () => {
    // Prepare
    const { commissioner } = world.people;
    const created = await world.api.call<{ id: string; version: number }>('POST', '/api/challenges', { body: challengeTerms(), cookie: commissioner.cookie });
    world.conflicts.conflictNext(0);

    // Act
    const submit = await world.api.call('POST', `/api/challenges/${created.body.id}/submit`, { body: { version: created.body.version }, cookie: commissioner.cookie });

    // Assess
    expect(submit.status).toBe(409);
    expect(world.conflicts.conflicted).toBeGreaterThanOrEqual(4);
  });
});
