import { Entity, type EntityItem } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { languages } from '#shared/language.ts';
import { memberRoles } from '#shared/organisation.ts';

/**
 * A person who signs in. One person belongs to at most one organisation; `organisationId` and
 * `role` say which and how; `rejectedRegistration` tells a person whose registration staff rejected
 * what happened to it. Erasure blanks the personal fields and keeps the id for the audit trail.
 */
export const userEntitySchema = {
  model: { entity: 'user', version: '1', service: 'crossover' },
  attributes: {
    userId: { type: 'string', required: true, readOnly: true },
    email: { type: 'string', required: true },
    name: { type: 'string' },
    language: { type: languages, required: true, default: 'nl' },
    organisationId: { type: 'string' },
    role: { type: memberRoles },
    createdAt: { type: 'string', required: true, readOnly: true },
    erasedAt: { type: 'string' },
    // Written as staff reject the person's registration, cleared as they belong to an organisation again or erase themselves.
    rejectedRegistration: {
      type: 'map',
      properties: {
        organisationName: { type: 'string', required: true },
        reason: { type: 'string', required: true },
        rejectedAt: { type: 'string', required: true },
      },
    },
  },
  indexes: {
    // Who is this user? (sessions name the user by id)
    byId: {
      pk: { field: 'pk', composite: ['userId'], template: 'USER#${userId}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'USER', casing: 'none' },
    },
    // Who are the members of this organisation, by email? (members page, invitations)
    byOrganisation: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['organisationId'], template: 'ORG#${organisationId}#MEMBERS', casing: 'none' },
      sk: { field: 'gsi2sk', composite: ['email'], template: '${email}', casing: 'none' },
    },
  },
} as const;

export const userEntity = (client: DynamoDBDocumentClient, table: string) => new Entity(userEntitySchema, { client, table });

export type UserEntity = ReturnType<typeof userEntity>;
export type User = EntityItem<UserEntity>;
