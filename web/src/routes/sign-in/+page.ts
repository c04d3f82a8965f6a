import type { PageLoad } from './$types';
import { addressIn } from './link-token.ts';

/** A sign-in link opens this page with its token; the page asks before it signs in with it. */
export const load: PageLoad = ({ url }) => {
  const token = url.searchParams.get('token');
  return { link: token ? { token, email: addressIn(token) } : null };
};
