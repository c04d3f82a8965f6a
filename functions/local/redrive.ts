import { parseConfig } from '../config.ts';
import { redriveEvent, undeliveredEvents } from '../domain/notifications/outbox.ts';
import { createMailWiring } from '../mail-wiring.ts';
import { localEnvironment } from './local-aws.ts';

/**
 * `npm run redrive [eventId …]`: sends again the outbox events of a running `npm start` that are
 * pending or failed (all of them, or the ones named), as staff do at POST /api/staff/outbox/{id}/redrive.
 * Whoever already has an event's email is skipped, so nothing goes out twice.
 */
async function redrive(eventIds: string[]) {
  const env = localEnvironment({
    tableName: 'crossover',
    dynamoDbEndpoint: `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? 8000}`,
    sesEndpoint: `http://127.0.0.1:${process.env.SES_PORT ?? 8005}`,
  });
  const wired = createMailWiring(parseConfig({ ...process.env, ...env }));
  const ports = { outbox: wired.outbox, delivery: wired.delivery };
  const named = eventIds.length ? eventIds : await everyUndelivered(ports);
  for (const eventId of named) {
    const event = await redriveEvent(eventId, ports).catch((error: unknown) => ({
      id: eventId,
      status: `not re-driven: ${error instanceof Error ? error.message : String(error)}`,
      rejected: [],
    }));
    const refused = event.rejected.map(({ email, reason }) => `\n  refused ${email}: ${reason}`).join('');
    console.log(`${event.id} ${event.status}${refused}`);
  }
  if (!named.length) console.log('No pending or failed outbox events.');
}

async function everyUndelivered(ports: Parameters<typeof undeliveredEvents>[2]) {
  const ids: string[] = [];
  for (const status of ['pending', 'failed'] as const) {
    let cursor: string | undefined;
    do {
      const page = await undeliveredEvents(status, { limit: 100, ...(cursor ? { cursor } : {}) }, ports);
      ids.push(...page.items.map(({ id }) => id));
      cursor = page.cursor ?? undefined;
    } while (cursor);
  }
  return ids;
}

await redrive(process.argv.slice(2));
