import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { organisationEntity } from '#functions/data/organisation.entity.ts';
import { everything, writeSubscribers, type BulkSubscriber } from '../../test/helpers/alerts.ts';
import { seededFirm } from '../../test/helpers/seeded-items.ts';

/** The address of subscriber `n`: distinct, so the inbox check can tell every recipient apart. */
export const subscriberEmail = (n: number) => `alert-${String(n).padStart(6, '0')}@bench.example`;

/**
 * One verified firm and `count` of its members, each hearing of every new challenge at once: half
 * follow `discipline` (the challenge's first), half chose none, so the run walks two partitions.
 */
export async function seedSubscribers(client: DynamoDBDocumentClient, table: string, count: number, discipline: BulkSubscriber['preferences']['disciplines'][number]) {
  const firm = seededFirm(1, 'verified');
  await organisationEntity(client, table).put(firm).go();
  const people: BulkSubscriber[] = Array.from({ length: count }, (_, n) => ({
    userId: ulid(),
    email: subscriberEmail(n),
    organisationId: firm.organisationId,
    preferences: { ...everything, disciplines: n % 2 === 0 ? [discipline] : [] },
  }));
  await writeSubscribers(client, table, people);
}
