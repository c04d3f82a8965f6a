import { config } from '#functions/config.ts';
import { organisationEntity } from '#functions/data/organisation.entity.ts';
import { outboxEventEntity } from '#functions/data/outbox-event.entity.ts';
import { userEntity } from '#functions/data/user.entity.ts';
import { documentClientOf, dynamoDbClient } from '#functions/dynamodb-client.ts';
import { once } from '#functions/once.ts';

/**
 * Items read and written straight in the test file's table, for what no use case would make (a
 * member added without an invitation, an event written by hand), through a client of the tests'
 * own: the wiring hands out ports only.
 */
export const testDocumentClient = once(() => documentClientOf(dynamoDbClient(config())));

export const storedUsers = () => userEntity(testDocumentClient(), config().TABLE_NAME);
export const storedOrganisations = () => organisationEntity(testDocumentClient(), config().TABLE_NAME);
export const storedOutboxEvents = () => outboxEventEntity(testDocumentClient(), config().TABLE_NAME);
