import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { RegisterOrganisation } from '#shared/organisation.ts';
import { parseConfig } from '#functions/config.ts';
import { createOutboxDispatcher } from '#functions/events/outbox-dispatcher.ts';
import { createStreamPoller } from '#functions/local/stream-poller.ts';
import { createMailWiring } from '#functions/mail-wiring.ts';
import { signedInAs, uniqueEmail, type TestApi } from './api.ts';

let lastKvk = Math.floor(Math.random() * 1e7) * 10;
/** A KvK number no other test in this run uses. */
export const uniqueKvkNumber = () => String(++lastKvk % 1e8).padStart(8, '0');

export const commissionerRegistration = (overrides: Partial<RegisterOrganisation> = {}): RegisterOrganisation =>
  ({
    kind: 'commissioner',
    name: 'Gemeente Havenstad',
    kvkNumber: uniqueKvkNumber(),
    municipality: 'GM0363',
    website: 'https://havenstad.example',
    description: 'Innovation team of a municipality working on climate adaptation.',
    sizeBand: '250+',
    sector: 'government',
    commissionerType: 'public_body',
    ...overrides,
  }) as RegisterOrganisation;

export const firmRegistration = (overrides: Partial<RegisterOrganisation> = {}): RegisterOrganisation =>
  ({
    kind: 'creative',
    name: 'Studio Noord',
    kvkNumber: uniqueKvkNumber(),
    municipality: 'GM0363',
    website: 'https://studionoord.example',
    description: 'A service design studio that works for health and government.',
    sizeBand: '10-49',
    subsector: 'design',
    disciplines: ['service_design', 'ux_design'],
    sectorsServed: ['health'],
    foundedYear: 2012,
    internationalAmbition: true,
    portfolioLinks: ['https://studionoord.example/work'],
    ...overrides,
  }) as RegisterOrganisation;

/** A new person signs in and registers an organisation through the API; they are its owner. */
export async function registeredBy(api: TestApi, registration: RegisterOrganisation, who = 'owner') {
  const email = uniqueEmail(who);
  const owner = await signedInAs(email);
  const answer = await api.call<{ id: string; version: number; kvkNumber: string }>('POST', '/api/organisations', { body: registration, cookie: owner.cookie });
  if (answer.status !== 201) throw new Error(`Registration failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return { ...owner, email, organisationId: answer.body.id, organisation: answer.body };
}

/**
 * Delivers the outbox as the stream would: every event written since the last delivery is mailed
 * (tables are per test file), through `wired` (say, one whose SES is down).
 */
export function outboxDelivery(tableName: string, wired = createMailWiring(parseConfig(process.env)), dynamoDbEndpoint: string = inject('dynamoDbEndpoint')) {
  const poller = createStreamPoller({
    dynamoDbEndpoint,
    tableName,
    handler: createOutboxDispatcher(() => wired),
    checkpointFile: join(mkdtempSync(join(tmpdir(), 'crossover-orgs-')), 'stream.json'),
  });
  return () => poller.drain();
}
