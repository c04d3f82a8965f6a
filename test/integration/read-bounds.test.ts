import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChallengeListQuery } from '#shared/challenge.ts';
import type { Firm } from '#shared/organisation.ts';
import { challengeListingEntity } from '#functions/data/challenge-listing.entity.ts';
import { listingEntries } from '#functions/data/challenge-listings.ts';
import { firmListingEntity } from '#functions/data/firm-listing.entity.ts';
import { organisationEntity } from '#functions/data/organisation.entity.ts';
import { auditEntry } from '#functions/domain/challenges/audit.ts';
import { listOpenChallenges, moderationQueue, organisationChallenges } from '#functions/domain/challenges/list-challenges.ts';
import type { StoredChallenge, Viewer } from '#functions/domain/challenges/ports.ts';
import { listFirms } from '#functions/domain/directory/firms.ts';
import type { FirmFilters, StoredOrganisation } from '#functions/domain/organisations/ports.ts';
import { directoryKeys } from '#functions/domain/organisations/views.ts';
import { verificationQueue } from '#functions/domain/verification/verification-queue.ts';
import { createWiring } from '#functions/wiring.ts';
import { daysFromNow } from '../helpers/challenges.ts';
import { commissionerId, RARE, seededChallenge, seededFirm, seedingClient, writeSeeded } from '../helpers/seeded-items.ts';
import { createTableOnOwnDynamoDb } from '../helpers/table.ts';

/** What one read cost: requests, items read, and the commands sent. */
type Measured = Pick<DynamoDbReads, 'requests' | 'items' | 'commands'>;
import { countDynamoDbReads, type DynamoDbReads } from '../helpers/dynamodb-reads.ts';

const visitor: Viewer = { staff: false, organisationVerified: false };
const verifiedFirm: Viewer = { userId: ulid(), staff: false, organisationId: ulid(), organisationKind: 'creative', organisationVerified: true };

describe('Reads bounded by the page: lists of challenges, the directory and the queues at thousands of items', () => {
  let wired: ReturnType<typeof createWiring>;
  let tableName: string;
  // Seeding writes thousands of items: through a client without the API's 3 s timeouts.
  let seeding: DynamoDBDocumentClient;
  const open: StoredChallenge[] = [];
  const firms: StoredOrganisation[] = [];
  let counter: ReturnType<typeof countDynamoDbReads>;
  let stopDynamoDb: (() => Promise<void>) | undefined;

  /** Runs `read` and says what it cost in DynamoDB. */
  async function measured<T>(read: () => Promise<T>): Promise<{ result: T; reads: Measured }> {
    counter.reset();
    const result = await read();
    const { requests, items, commands } = counter.reset();
    return { result, reads: { requests, items, commands } };
  }

  /** Open challenges numbered from `from` up to `to` (exclusive), their entries, and as many that are not open, straight to the table. */
  async function seedChallenges(from: number, to: number) {
    const numbers = Array.from({ length: to - from }, (_, index) => from + index);
    const published = numbers.map((n) => seededChallenge(n, 'published'));
    // Drafts, submitted, closed and cancelled ones with the same facets and words: never listed as open.
    const notOpen = numbers.filter((n) => n % 10 === 1).map((n, index) => seededChallenge(n, (['draft', 'submitted', 'closed', 'cancelled'] as const)[index % 4]!));
    await writeSeeded(seeding, tableName, { challenges: [...published, ...notOpen] });
    open.push(...published);
  }

  /** Verified firms numbered from `from` up to `to`, their directory entries, and one pending firm in ten, straight to the table. */
  async function seedFirms(from: number, to: number) {
    const numbers = Array.from({ length: to - from }, (_, index) => from + index);
    const verified = numbers.map((n) => seededFirm(n, 'verified'));
    const pending = numbers.filter((n) => n % 10 === 0).map((n) => seededFirm(n, 'pending'));
    await writeSeeded(seeding, tableName, { organisations: [...verified, ...pending] });
    firms.push(...verified);
  }

  const list = (query: Partial<ChallengeListQuery>, viewer: Viewer = visitor) =>
    measured(() => listOpenChallenges({ sort: 'newest', limit: 20, ...query } as ChallengeListQuery, viewer, wired.challengePorts));
  const directory = (filters: FirmFilters, limit = 24) => measured(() => listFirms(filters, { limit }, wired.organisationPorts.store));
  /** The cost of each read, one after another (the counter is shared). */
  async function costs<T>(cases: T[], read: (each: T) => Promise<{ reads: Measured }>) {
    const found: Measured[] = [];
    for (const each of cases) found.push((await read(each)).reads);
    return found;
  }

  /** Every page of a list, one request at a time, each checked to read at most `limit + 1` entries and the page. */
  async function everyPage<T extends { id: string }>(page: (cursor?: string) => Promise<{ result: { items: T[]; cursor: string | null }; reads: Measured }>, limit: number) {
    const seen: T[] = [];
    let cursor: string | undefined;
    do {
      const { result, reads: cost } = await page(cursor);
      expect(cost.requests).toBeLessThanOrEqual(2);
      expect(cost.items).toBeLessThanOrEqual(limit + 1 + result.items.length);
      seen.push(...result.items);
      cursor = result.cursor ?? undefined;
    } while (cursor);
    return seen;
  }

  const idsOf = (challenges: StoredChallenge[]) => challenges.map(({ challengeId }) => challengeId).sort();
  const now = () => new Date().toISOString();

  /** The list requests every viewer makes: default, each facet, budget, a word, two facets together. */
  const requests: [string, Partial<ChallengeListQuery>, Viewer][] = [
    ['default list, visitor', {}, visitor],
    ['default list, verified firm', {}, verifiedFirm],
    ['closing soonest', { sort: 'closing' }, visitor],
    ['sector', { sector: 'water' }, visitor],
    ['discipline', { discipline: 'sound' }, verifiedFirm],
    ['type', { type: 'partner_search' }, visitor],
    ['funding', { funding: 'mit' }, visitor],
    ['budget', { minBudgetCents: 5_000_000 }, visitor],
    ['word', { q: 'Opdracht' }, visitor],
    ['rare word', { q: RARE }, visitor],
    ['sector and discipline', { sector: 'health', discipline: 'ux_design' }, visitor],
  ];

  beforeAll(async () => {
    const endpoints = await createTableOnOwnDynamoDb();
    stopDynamoDb = endpoints.stop;
    tableName = endpoints.tableName;
    seeding = seedingClient(endpoints.dynamoDbEndpoint);
    wired = createWiring();
    counter = countDynamoDbReads(wired.observeDynamoDbRequests);
  });

  afterAll(async () => {
    seeding?.destroy();
    await stopDynamoDb?.();
  });

  it('costs the same requests and at most limit + 1 entries plus the page for every list, facet and word, at 2,000 open challenges as at 40', async () => {
    await seedChallenges(0, 40);
    const small = await costs(requests, ([, query, viewer]) => list(query, viewer));
    await seedChallenges(40, 2_000);
    const large = await costs(requests, ([, query, viewer]) => list(query, viewer));

    // One Query of the list's entries, and one BatchGet of the page's challenges when there are any.
    const bounded = ({ commands, items }: Measured) =>
      commands[0] === 'QueryCommand' && commands.slice(1).every((command) => command === 'BatchGetItemCommand') && commands.length <= 2 && items <= 21 + 20;
    requests.forEach(([name], index) => {
      expect({ name, small: bounded(small[index]!), large: bounded(large[index]!) }).toEqual({ name, small: true, large: true });
    });
  }, 300_000);

  it('pages through each filtered list to exactly the open challenges that match, none twice, none missing, nothing firms-only for a visitor', async () => {
    const cases: [Partial<ChallengeListQuery>, Viewer, (challenge: StoredChallenge) => boolean][] = [
      [{ sector: 'water' }, visitor, (c) => c.sector === 'water' && c.visibility === 'public'],
      [{ discipline: 'sound', sort: 'closing' }, verifiedFirm, (c) => c.disciplines.includes('sound')],
      [{ type: 'partner_search', funding: 'mit' }, visitor, (c) => c.type === 'partner_search' && c.fundingInstrument === 'mit' && c.visibility === 'public'],
      [
        { sector: 'health', discipline: 'ux_design', minBudgetCents: 3_000_000 },
        verifiedFirm,
        (c) => c.sector === 'health' && c.disciplines.includes('ux_design') && c.budgetMaxCents >= 3_000_000,
      ],
      [{ q: `${RARE} opdracht` }, visitor, (c) => c.title.includes(RARE) && c.visibility === 'public'],
      [{ maxBudgetCents: 0 }, verifiedFirm, (c) => c.budgetMinCents === 0],
    ];
    for (const [query, viewer, matches] of cases) {
      const seen = await everyPage((cursor) => list({ ...query, limit: 50, ...(cursor ? { cursor } : {}) }, viewer), 50);
      const expected = idsOf(open.filter((challenge) => matches(challenge) && challenge.bidDeadline > now()));
      expect({ query, ids: seen.map(({ id }) => id).sort() }).toEqual({ query, ids: expected });
      expect(seen.every((challenge) => challenge.status === 'published')).toBe(true);
    }
  }, 120_000);

  it('lists newest first and closing soonest in order across pages', async () => {
    const newest = await everyPage((cursor) => list({ sector: 'energy', limit: 30, ...(cursor ? { cursor } : {}) }, verifiedFirm), 30);
    const closing = await everyPage((cursor) => list({ sector: 'energy', sort: 'closing', limit: 30, ...(cursor ? { cursor } : {}) }, verifiedFirm), 30);

    expect(newest.map(({ publishedAt }) => publishedAt)).toEqual(
      newest
        .map(({ publishedAt }) => publishedAt)
        .sort()
        .reverse(),
    );
    expect(closing.map(({ bidDeadline }) => bidDeadline)).toEqual(closing.map(({ bidDeadline }) => bidDeadline).sort());
    expect(new Set(closing.map(({ id }) => id))).toEqual(new Set(newest.map(({ id }) => id)));
  }, 60_000);

  it("reads one Query of at most limit + 1 items for the moderation queue and an organisation's challenges, at thousands of challenges", async () => {
    const queue = await measured(() => moderationQueue('submitted', { limit: 10 }, wired.challengePorts));
    const own = await measured(() => organisationChallenges(commissionerId, { limit: 20 }, wired.challengePorts));

    expect(queue.result.items).toHaveLength(10);
    expect(queue.reads).toEqual({ requests: 1, items: 11, commands: ['QueryCommand'] });
    expect(own.result.items).toHaveLength(20);
    expect(own.reads).toEqual({ requests: 1, items: 21, commands: ['QueryCommand'] });
  });

  it('costs the same for the directory and each of its facets at 1,500 firms as at 30, and pages to exactly the matching firms', async () => {
    const facets: FirmFilters[] = [
      {},
      { subsector: 'games' },
      { discipline: 'xr_vr' },
      { municipality: 'GM0363' },
      { size: '2-9' },
      { municipality: 'GM0453', discipline: 'branding', size: '10-49' },
    ];
    await seedFirms(0, 30);
    const small = await costs(facets, (filters) => directory(filters));
    await seedFirms(30, 1_500);
    const large = await costs(facets, (filters) => directory(filters));

    // One Query (of the directory, or of one facet's entries), and one BatchGet of the page's firms for a facet.
    const bounded = ({ commands, items }: Measured) =>
      commands[0] === 'QueryCommand' && commands.slice(1).every((command) => command === 'BatchGetItemCommand') && commands.length <= 2 && items <= 25 + 24;
    facets.forEach((filters, index) => {
      expect({ filters, small: bounded(small[index]!), large: bounded(large[index]!) }).toEqual({ filters, small: true, large: true });
    });
    for (const filters of facets.slice(1)) {
      const seen = await everyPage<Firm>((cursor) => measured(() => listFirms(filters, { limit: 40, ...(cursor ? { cursor } : {}) }, wired.organisationPorts.store)), 40);
      const expected = firms
        .filter(
          (firm) =>
            (!filters.subsector || firm.subsector === filters.subsector) &&
            (!filters.discipline || firm.disciplines?.includes(filters.discipline)) &&
            (!filters.municipality || firm.municipality === filters.municipality) &&
            (!filters.size || firm.sizeBand === filters.size),
        )
        .map(({ organisationId }) => organisationId)
        .sort();
      expect({ filters, ids: seen.map(({ id }) => id).sort() }).toEqual({ filters, ids: expected });
    }
  }, 300_000);

  it('reads one Query of at most limit + 1 items for the verification queue, at thousands of organisations', async () => {
    const queue = await measured(() => verificationQueue('pending', { limit: 20 }, wired.organisationPorts.store));

    expect(queue.result.items).toHaveLength(20);
    expect(queue.reads).toEqual({ requests: 1, items: 21, commands: ['QueryCommand'] });
  });

  it('moves a challenge with its entries: listed when published, moved by a later deadline, gone when it closes; a stale write changes neither', async () => {
    const challenges = wired.challengePorts.challenges;
    const entries = challengeListingEntity(seeding, tableName);
    const challenge = seededChallenge(99_001, 'submitted');
    const audit = () => auditEntry(challenge.challengeId, ulid(), new Date(), 'test', { role: 'system' });
    const listedUnder = async (key: string) => (await entries.query.newest({ key }).go()).data.map(({ challengeId, openUntil }) => ({ challengeId, openUntil }));
    const later = daysFromNow(90);
    await challenges.create(challenge, audit());
    const beforePublishing = await listedUnder('word:99001');

    await challenges.change(challenge.challengeId, 1, {
      set: { status: 'published', publishedAt: challenge.statusSince, listing: 'open', openUntil: challenge.bidDeadline, version: 2 },
      audit: audit(),
    });
    const published = await listedUnder('word:99001');
    const staleWrite = await challenges.change(challenge.challengeId, 1, { set: { bidDeadline: later, openUntil: later, listing: 'open', version: 2 }, audit: audit() });
    await challenges.change(challenge.challengeId, 2, { set: { bidDeadline: later, openUntil: later, listing: 'open', version: 3 }, audit: audit() });
    const amended = await listedUnder(`sector:${challenge.sector}`);
    await challenges.change(challenge.challengeId, 3, { set: { status: 'closed', version: 4 }, remove: ['listing', 'openUntil'], audit: audit() });
    const everyKey = [...new Set(listingEntries({ ...challenge, listing: 'open', openUntil: later }).map(({ key }) => key))];
    const afterClosing = (await Promise.all(everyKey.map(listedUnder))).flat().filter(({ challengeId }) => challengeId === challenge.challengeId);

    expect(beforePublishing).toEqual([]);
    expect(published).toEqual([{ challengeId: challenge.challengeId, openUntil: challenge.bidDeadline }]);
    expect(staleWrite).toBe(false);
    expect(amended.filter(({ challengeId }) => challengeId === challenge.challengeId)).toEqual([{ challengeId: challenge.challengeId, openUntil: later }]);
    expect(everyKey.length).toBeGreaterThan(6);
    expect(afterClosing).toEqual([]);
  });

  it("moves a firm's directory entries with it: listed when verified, moved when it changes municipality, gone when suspended", async () => {
    const store = wired.organisationPorts.store;
    const entries = firmListingEntity(seeding, tableName);
    const pending = seededFirm(99_002, 'pending');
    const listedIn = async (key: string) =>
      (await entries.query.byFacet({ key }).go({ pages: 'all' })).data.filter(({ organisationId }) => organisationId === pending.organisationId).length;
    await organisationEntity(seeding, tableName).put(pending).go();

    await store.decide(pending, 1, { set: { status: 'verified', ...directoryKeys(pending.name), version: 2 } });
    const verified = [await listedIn(`municipality:${pending.municipality}`), await listedIn(`subsector:${pending.subsector}`)];
    await store.change(pending.organisationId, 2, { set: { municipality: 'GM0394', version: 3 } });
    const moved = [await listedIn(`municipality:${pending.municipality}`), await listedIn('municipality:GM0394')];
    const current = (await store.organisation(pending.organisationId))!;
    await store.decide(current, 3, { set: { status: 'suspended', version: 4 }, remove: ['directory', 'directoryName'] });
    const suspended = [await listedIn('municipality:GM0394'), await listedIn(`subsector:${pending.subsector}`), await listedIn(`discipline:${pending.disciplines![0]}`)];

    expect(verified).toEqual([1, 1]);
    expect(moved).toEqual([0, 1]);
    expect(suspended).toEqual([0, 0, 0]);
  });
});
