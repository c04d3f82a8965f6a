import { Entity, type EntityItem, type Service } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { sizeBands, subsectors } from '#shared/organisation.ts';

/**
 * A verified creative firm's place in one facet of the directory (`subsector:games`,
 * `discipline:xr_vr`, `municipality:GM0363`, `size:2-9`), written and removed in the same transaction
 * as the firm's own change, so a facet reads only its own entries. Each entry keeps the other facets,
 * so a second filter is checked on the entry itself within the page.
 */
export const firmListingEntitySchema = {
  model: { entity: 'firmListing', version: '1', service: 'crossover' },
  attributes: {
    key: { type: 'string', required: true, readOnly: true },
    organisationId: { type: 'string', required: true, readOnly: true },
    directoryName: { type: 'string', required: true, readOnly: true },
    subsector: { type: subsectors, required: true },
    disciplines: { type: 'list', items: { type: 'string' }, required: true },
    municipality: { type: 'string', required: true },
    sizeBand: { type: sizeBands, required: true },
  },
  indexes: {
    // Which verified creative firms have this facet value, by name?
    byFacet: {
      pk: { field: 'pk', composite: ['key'], template: 'DIRECTORY#${key}', casing: 'none' },
      sk: { field: 'sk', composite: ['directoryName', 'organisationId'], template: '${directoryName}#${organisationId}', casing: 'none' },
    },
  },
} as const;

export const firmListingEntity = (client: DynamoDBDocumentClient, table: string) => new Entity(firmListingEntitySchema, { client, table });
export type FirmListingEntity = ReturnType<typeof firmListingEntity>;
export type FirmListing = EntityItem<FirmListingEntity>;
/** The entity as a transaction's write callback hands it over. */
export type FirmListingsInTransaction = Parameters<Parameters<Service<{ firmListings: FirmListingEntity }>['transaction']['write']>[0]>[0]['firmListings'];
