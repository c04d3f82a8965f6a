import { getOrganisation } from '#functions/domain/organisations/get-organisation.ts';
import { inviteMember } from '#functions/domain/organisations/invite-member.ts';
import { listMembers } from '#functions/domain/organisations/list-members.ts';
import { registerOrganisation } from '#functions/domain/organisations/register-organisation.ts';
import { leaveOrganisation, removeMember } from '#functions/domain/organisations/remove-member.ts';
import { updateOrganisation } from '#functions/domain/organisations/update-organisation.ts';
import { wiring } from '#functions/wiring.ts';
import { signedInCaller as person } from '#functions/http/caller.ts';
import { createGroupHandler } from '#functions/http/group-handler.ts';

const ports = () => wiring().organisationPorts;

/** Organisations as their own members see them: registration, profile, members and invitations. */
export const handler = createGroupHandler('organisations', {
  registerOrganisation: async ({ body, caller }) => registerOrganisation(person(caller).userId, body, ports()),
  getOrganisation: async ({ params }) => getOrganisation(params.organisationId, ports().store),
  updateOrganisation: async ({ params, body }) => updateOrganisation(params.organisationId, body, ports().store),
  listMembers: async ({ params }) => listMembers(params.organisationId, ports().store, ports().now()),
  inviteMember: async ({ params, body, caller }) => inviteMember(params.organisationId, person(caller), body.email, ports()),
  removeMember: async ({ params }) => {
    await removeMember(params.organisationId, params.userId, ports().store);
    return undefined;
  },
  leaveOrganisation: async ({ params, caller }) => {
    await leaveOrganisation(params.organisationId, person(caller).userId, ports().store);
    return undefined;
  },
});
