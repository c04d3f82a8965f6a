import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { StoredChallenge } from '#functions/domain/challenges/ports.ts';
import type { StoredOrganisation } from '#functions/domain/organisations/ports.ts';
import { challengeListingEntity } from '../challenge-listing.entity.ts';
import { listingEntries } from '../challenge-listings.ts';
import { challengeEntity } from '../challenge.entity.ts';
import { firmListingEntity } from '../firm-listing.entity.ts';
import { firmEntries } from '../firm-listings.ts';
import { organisationEntity } from '../organisation.entity.ts';

/** How many challenges or firms one step reads: their entries go out as BatchWrites of 25. */
const STEP = 100;

/**
 * Writes the listing entries of every open challenge and the directory entries of every verified
 * creative firm, for tables written before the lists read entries. It walks the two sparse indexes
 * that hold exactly those items, page by page, and puts what each item's own entries are: a put of an
 * entry that is there already changes nothing, so it can run again, and beside live traffic (an
 * entry put for a challenge that closes meanwhile is dropped by the list, which shows only published
 * challenges and listed firms).
 */
export async function writeListingEntries(client: DynamoDBDocumentClient, table: string): Promise<number> {
  const challenges = challengeEntity(client, table);
  const organisations = organisationEntity(client, table);
  const challengeListings = challengeListingEntity(client, table);
  const firmListings = firmListingEntity(client, table);
  let written = 0;

  let cursor: string | null = null;
  do {
    const page: { data: unknown[]; cursor: string | null } = await challenges.query.open({ listing: 'open' }).go({ limit: STEP, cursor });
    const entries = (page.data as StoredChallenge[]).flatMap(listingEntries);
    await putAll(entries, async (batch) => (await challengeListings.put(batch).go()).unprocessed as typeof batch);
    written += entries.length;
    cursor = page.cursor;
  } while (cursor);

  do {
    const page: { data: unknown[]; cursor: string | null } = await organisations.query.directory({ directory: 'verified' }).go({ limit: STEP, cursor });
    const entries = (page.data as StoredOrganisation[]).flatMap(firmEntries);
    await putAll(entries, async (batch) => (await firmListings.put(batch).go()).unprocessed as typeof batch);
    written += entries.length;
    cursor = page.cursor;
  } while (cursor);

  return written;
}

/** Puts every item, again for those DynamoDB left unprocessed (under throttling), after a growing pause. */
async function putAll<T>(items: T[], put: (batch: T[]) => Promise<T[]>) {
  for (let rest = items, attempt = 0; rest.length; attempt++) {
    if (attempt) await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 50 * 2 ** attempt)));
    rest = await put(rest);
  }
}
