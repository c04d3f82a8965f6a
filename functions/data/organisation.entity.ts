import { Entity, type EntityItem } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { commissionerTypes, disciplines, organisationKinds, organisationStatuses, sectors, sizeBands, subsectors } from '#shared/organisation.ts';

/**
 * A registered organisation: a commissioner (corporate, public body, knowledge institution) or a
 * creative firm. Kind-specific fields are empty for the other kind. `version` guards concurrent edits.
 * Only verified creative firms carry the directory keys (gsi3), so the directory index holds nothing else.
 */
export const organisationEntitySchema = {
  model: { entity: 'organisation', version: '1', service: 'crossover' },
  attributes: {
    organisationId: { type: 'string', required: true, readOnly: true },
    kind: { type: organisationKinds, required: true, readOnly: true },
    name: { type: 'string', required: true },
    kvkNumber: { type: 'string', required: true, readOnly: true },
    municipality: { type: 'string', required: true },
    website: { type: 'string', required: true },
    description: { type: 'string', required: true },
    sizeBand: { type: sizeBands, required: true },
    sector: { type: sectors },
    commissionerType: { type: commissionerTypes },
    subsector: { type: subsectors },
    disciplines: { type: 'set', items: disciplines },
    sectorsServed: { type: 'set', items: sectors },
    foundedYear: { type: 'number' },
    internationalAmbition: { type: 'boolean' },
    portfolioLinks: { type: 'list', items: { type: 'string' } },
    status: { type: organisationStatuses, required: true, default: 'pending' },
    statusReason: { type: 'string' },
    ownerUserId: { type: 'string', required: true },
    createdAt: { type: 'string', required: true, readOnly: true },
    verifiedAt: { type: 'string' },
    version: { type: 'number', required: true, default: 1 },
    /** Set only while the organisation is a verified creative firm: the directory's partition. */
    directory: { type: 'string' },
    /** The name as the directory sorts it. */
    directoryName: { type: 'string' },
  },
  indexes: {
    // Which organisation is this?
    byId: {
      pk: { field: 'pk', composite: ['organisationId'], template: 'ORG#${organisationId}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'ORG', casing: 'none' },
    },
    // Which organisations have this status, oldest first? (staff verification queue)
    byStatus: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['status'], template: 'ORGSTATUS#${status}', casing: 'none' },
      sk: { field: 'gsi1sk', composite: ['createdAt'], template: '${createdAt}', casing: 'none' },
    },
    // Which verified creative firms are there, by name? (public directory; sparse: only they have `directory`)
    directory: {
      index: 'gsi3',
      condition: (attributes: { directory?: string }) => attributes.directory !== undefined,
      pk: { field: 'gsi3pk', composite: ['directory'], template: 'FIRMS#${directory}', casing: 'none' },
      // Only the directory's own attributes: ElectroDB demands every composite of a conditional index on
      // each write that touches one, and every write of an organisation carries its id.
      sk: { field: 'gsi3sk', composite: ['directoryName'], template: '${directoryName}', casing: 'none' },
    },
  },
} as const;

export const organisationEntity = (client: DynamoDBDocumentClient, table: string) => new Entity(organisationEntitySchema, { client, table });

export type OrganisationEntity = ReturnType<typeof organisationEntity>;
export type OrganisationRecord = EntityItem<OrganisationEntity>;
