import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { registerOrganisation } from '#functions/domain/organisations/register-organisation.ts';
import { reviewOrganisation } from '#functions/domain/verification/review-organisation.ts';
import { documentClientOf, dynamoDbClient } from '#functions/dynamodb-client.ts';
import type { Wiring } from '#functions/wiring.ts';
import { seedDemoChallenges } from './challenges.ts';
import { demoOrganisations } from './organisation-data.ts';
import { seedDemoSubscribers } from './subscribers.ts';

const marker = { pk: 'SEED#demo', sk: 'SEED' };

/**
 * Fills a new local table with the demo marketplace, once: each demo owner's account, their
 * organisation registered through the same use case the API runs, and verified by staff where
 * the demo says so (their "verified" emails land in the local inbox), then the demo challenges in
 * every state of their lifecycle, then freelancers with alert preferences. Returns whether it seeded.
 */
export async function seedDemoData(wired: Wiring): Promise<boolean> {
  const table = wired.config.TABLE_NAME;
  // The marker is the seed's own item, outside every port.
  const documentClient = documentClientOf(dynamoDbClient(wired.config));
  const { Item } = await documentClient.send(new GetCommand({ TableName: table, Key: marker, ConsistentRead: true }));
  if (Item) return false;
  for (const { owner, status, organisation } of demoOrganisations) {
    const account = (await wired.accounts.findAccount(owner.email)) ?? (await wired.accounts.createAccount(owner.email, owner.language));
    await wired.accounts.changeProfile(account.userId, { name: owner.name });
    if (account.organisationId) continue;
    const registered = await registerOrganisation(account.userId, organisation, wired.organisationPorts);
    if (status === 'verified') await reviewOrganisation(registered.id, { action: 'verify' }, wired.organisationPorts);
  }
  await seedDemoChallenges(wired);
  await seedDemoSubscribers(wired);
  await documentClient.send(new PutCommand({ TableName: table, Item: { ...marker, seededAt: new Date().toISOString() } }));
  return true;
}
