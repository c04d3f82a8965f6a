import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { challengeTypes, fundingInstruments } from '#shared/challenge.ts';
import { disciplines, sectors, sizeBands, subsectors } from '#shared/organisation.ts';
import { challengeListingEntity } from '#functions/data/challenge-listing.entity.ts';
import { listingEntries } from '#functions/data/challenge-listings.ts';
import { challengeEntity } from '#functions/data/challenge.entity.ts';
import { firmListingEntity } from '#functions/data/firm-listing.entity.ts';
import { firmEntries } from '#functions/data/firm-listings.ts';
import { organisationEntity } from '#functions/data/organisation.entity.ts';
import { documentClientOf } from '#functions/dynamodb-client.ts';
import { normalisedTerms } from '#functions/domain/challenges/draft-challenge.ts';
import { localClientConfig } from '#functions/local/local-aws.ts';
import type { StoredChallenge } from '#functions/domain/challenges/ports.ts';
import type { StoredOrganisation } from '#functions/domain/organisations/ports.ts';
import { directoryKeys } from '#functions/domain/organisations/views.ts';
import { challengeTerms, daysFromNow } from './challenges.ts';
import { firmRegistration } from './organisations.ts';

/** The commissioner of every seeded challenge. */
export const commissionerId = ulid();
export const RARE = 'stadsgeluid';

/** The seeded challenge number `n`: every facet cycles, so each filter matches a known share; one in 400 has a rare word. */
export function seededChallenge(n: number, status: StoredChallenge['status']): StoredChallenge {
  const at = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
  const terms = normalisedTerms(
    challengeTerms({
      title: `Opdracht ${n}${n % 400 === 1 ? ` ${RARE}` : ''}`,
      summary: 'Gezocht: creatieve makers.',
      disciplines: [disciplines[n % 16]!, disciplines[(n + 3) % 16]!],
      type: challengeTypes[n % 3 === 0 ? 1 : 0],
      fundingInstrument: fundingInstruments[n % 5]!,
      budgetMinCents: (n % 10) * 1_000_000,
      budgetMaxCents: (n % 10) * 1_000_000 + 500_000,
      visibility: n % 7 === 0 ? 'verified_firms' : 'public',
      questionDeadline: daysFromNow(n % 50),
      bidDeadline: daysFromNow(1 + (n % 50)),
    }),
  );
  return {
    ...terms,
    challengeId: ulid(),
    organisationId: commissionerId,
    commissionerName: 'Gemeente Volume',
    sector: sectors[n % 12]!,
    status,
    statusSince: at,
    createdAt: at,
    version: 1,
    ...(status === 'published' ? { publishedAt: at, listing: 'open' as const, openUntil: terms.bidDeadline } : {}),
  };
}

/** The seeded firm number `n`, verified (in the directory) unless `pending`. */
export function seededFirm(n: number, status: StoredOrganisation['status']): StoredOrganisation {
  const registration = firmRegistration({
    name: `Studio ${String(n).padStart(5, '0')}`,
    subsector: subsectors[n % 7]!,
    disciplines: [disciplines[n % 16]!, disciplines[(n + 5) % 16]!],
    municipality: ['GM0363', 'GM0362', 'GM0453', 'GM0358'][n % 4]!,
    sizeBand: sizeBands[n % 5]!,
  });
  return {
    ...(registration as StoredOrganisation),
    organisationId: ulid(),
    status,
    ownerUserId: ulid(),
    createdAt: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
    version: 1,
    ...(status === 'verified' ? directoryKeys(registration.name) : {}),
  };
}

/** A client for seeding, without the API's 3 s request timeout: thousands of writes beside other test files must not time out. */
export const seedingClient = (dynamoDbEndpoint: string) => documentClientOf(new DynamoDBClient(localClientConfig(dynamoDbEndpoint)));

/** Writes challenges and organisations as they are, each with the list entries its state gives it (open challenges, verified firms). */
export async function writeSeeded(
  client: DynamoDBDocumentClient,
  table: string,
  { challenges = [], organisations = [] }: { challenges?: StoredChallenge[]; organisations?: StoredOrganisation[] },
) {
  const write = async <T>(entity: { put(items: T[]): { go(options: { concurrent: number }): Promise<unknown> } }, items: T[]) => {
    if (items.length) await entity.put(items).go({ concurrent: 2 });
  };
  await write(challengeEntity(client, table), challenges);
  await write(challengeListingEntity(client, table), challenges.flatMap(listingEntries));
  await write(organisationEntity(client, table), organisations);
  await write(firmListingEntity(client, table), organisations.flatMap(firmEntries));
}
