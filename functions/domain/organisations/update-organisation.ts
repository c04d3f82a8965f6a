import type { Organisation, UpdateOrganisation } from '#shared/organisation.ts';
import { conflictError, invalidError } from '../errors.ts';
import { findOrganisation } from './get-organisation.ts';
import type { OrganisationChanges, OrganisationStore } from './ports.ts';
import { directoryKeys, isListedFirm, organisationView } from './views.ts';

const staleVersion = () => conflictError('Someone changed this organisation since you opened it. Reload it and make your change again.', 'body.version');

/**
 * An owner edits their organisation:
 * 1. read it; its kind cannot change (422 naming body.kind), nor its KvK number (the edit has no such field)
 * 2. refuse an edit made on an older version than the stored one (409)
 * 3. write the changed fields with the next version, only if no one wrote in between (409 otherwise);
 *    a verified creative firm's directory entry follows its new name in the same write
 */
export async function updateOrganisation(organisationId: string, edit: UpdateOrganisation, store: OrganisationStore): Promise<Organisation> {
  const stored = await findOrganisation(organisationId, store);
  const { kind, version, ...fields } = edit;
  if (kind !== stored.kind) throw invalidError(`This organisation is a ${stored.kind}; its kind cannot change.`, 'body.kind');
  if (version !== stored.version) throw staleVersion();
  const set: OrganisationChanges = { ...fields, version: version + 1 };
  if (fields.name !== undefined && isListedFirm(stored)) Object.assign(set, directoryKeys(fields.name));
  if (!(await store.change(organisationId, version, { set }))) throw staleVersion();
  return organisationView({ ...stored, ...set });
}
