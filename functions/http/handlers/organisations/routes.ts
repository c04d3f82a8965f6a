import { z } from 'zod';
import { emailSchema } from '#shared/email.ts';
import { idSchema } from '#shared/id.ts';
import { membersSchema, organisationIdParamsSchema, organisationSchema, registerOrganisationSchema, updateOrganisationSchema } from '#shared/organisation.ts';
import type { RouteDefinition } from '../../route.ts';

/** The organisations group's routes: registering an organisation, its profile and its members. Plain data, joined in `functions/http/routes.ts`. */
export const organisationRoutes = [
  {
    operationId: 'registerOrganisation',
    method: 'POST',
    path: '/api/organisations',
    access: 'signedIn',
    group: 'organisations',
    reads: { requests: 3, items: 5 },
    summary: 'Register your organisation (you become its owner; staff verify it)',
    // A member of any organisation is told plainly that they belong to one already (409).
    whileUnverified: ['pending', 'rejected', 'suspended'],
    request: { body: registerOrganisationSchema },
    response: { status: 201, description: 'Registered, pending verification', schema: organisationSchema },
  },
  {
    operationId: 'getOrganisation',
    method: 'GET',
    path: '/api/organisations/{organisationId}',
    access: 'member',
    group: 'organisations',
    reads: { requests: 4, items: 6 },
    summary: 'Your organisation, as its members see it',
    request: { params: organisationIdParamsSchema },
    response: { status: 200, description: 'The organisation', schema: organisationSchema },
  },
  {
    operationId: 'updateOrganisation',
    method: 'PATCH',
    path: '/api/organisations/{organisationId}',
    access: 'owner',
    whileUnverified: ['pending'],
    group: 'organisations',
    reads: { requests: 5, items: 6 },
    summary: 'Edit your organisation; carries the version read, a stale edit gets 409',
    request: { params: organisationIdParamsSchema, body: updateOrganisationSchema },
    response: { status: 200, description: 'The organisation, edited', schema: organisationSchema },
  },
  {
    operationId: 'listMembers',
    method: 'GET',
    path: '/api/organisations/{organisationId}/members',
    access: 'member',
    group: 'organisations',
    reads: { requests: 5, items: 7 },
    summary: "The organisation's members and open invitations",
    request: { params: organisationIdParamsSchema },
    response: { status: 200, description: 'Members and invitations', schema: membersSchema },
  },
  {
    operationId: 'inviteMember',
    method: 'POST',
    path: '/api/organisations/{organisationId}/invitations',
    access: 'owner',
    group: 'organisations',
    reads: { requests: 8, items: 9 },
    summary: 'Invite a colleague by email (a verified organisation, a daily number at most; an open invitation is not sent again); they accept after signing in',
    request: { params: organisationIdParamsSchema, body: z.object({ email: emailSchema }).strict() },
    response: { status: 201, description: 'Invited', schema: membersSchema },
  },
  {
    operationId: 'removeMember',
    method: 'DELETE',
    path: '/api/organisations/{organisationId}/members/{userId}',
    access: 'owner',
    group: 'organisations',
    reads: { requests: 5, items: 6 },
    summary: 'Remove a member (the owner cannot remove themselves)',
    request: { params: organisationIdParamsSchema.extend({ userId: idSchema }) },
    response: { status: 204, description: 'Removed' },
  },
  {
    operationId: 'leaveOrganisation',
    method: 'POST',
    path: '/api/organisations/{organisationId}/leave',
    access: 'member',
    // Leaving changes nothing of the organisation: a member may leave whatever its status.
    whileUnverified: ['pending', 'rejected', 'suspended'],
    group: 'organisations',
    reads: { requests: 4, items: 6 },
    summary: 'Leave your organisation (its owner cannot)',
    request: { params: organisationIdParamsSchema },
    response: { status: 204, description: 'You are no longer a member' },
  },
] as const satisfies readonly RouteDefinition[];
