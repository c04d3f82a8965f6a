import { session } from '$lib/session.svelte.ts';
import type { PageLoad } from './$types';

/** Registering is for someone signed in without an organisation: the page waits to know who is signed in. */
export const load: PageLoad = async ({ depends }) => {
  await session.read({ depends });
};
