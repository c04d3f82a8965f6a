import { Entity, type EntityItem } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * An owner's invitation of an email address to their organisation; the invitee joins when they
 * sign in with that address. Inviting the same address again replaces it. It lapses at `expiresAt`
 * (TTL; reads treat a lapsed invitation as absent, since DynamoDB deletes it only eventually).
 */
export const invitationEntitySchema = {
  model: { entity: 'invitation', version: '1', service: 'crossover' },
  attributes: {
    email: { type: 'string', required: true, readOnly: true },
    organisationId: { type: 'string', required: true, readOnly: true },
    invitedByUserId: { type: 'string', required: true },
    invitedAt: { type: 'string', required: true },
    expiresAt: { type: 'number', required: true },
  },
  indexes: {
    // Which organisations invited this address? (sign-in accepts one)
    byEmail: {
      pk: { field: 'pk', composite: ['email'], template: 'INVITE#${email}', casing: 'none' },
      sk: { field: 'sk', composite: ['organisationId'], template: 'ORG#${organisationId}', casing: 'none' },
    },
    // Which addresses has this organisation invited? (members page)
    byOrganisation: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['organisationId'], template: 'ORG#${organisationId}#INVITES', casing: 'none' },
      sk: { field: 'gsi2sk', composite: ['email'], template: '${email}', casing: 'none' },
    },
  },
} as const;

export const invitationEntity = (client: DynamoDBDocumentClient, table: string) => new Entity(invitationEntitySchema, { client, table });

export type InvitationEntity = ReturnType<typeof invitationEntity>;
export type Invitation = EntityItem<InvitationEntity>;
