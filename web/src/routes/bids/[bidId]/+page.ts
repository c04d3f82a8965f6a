import type { PageLoad } from './$types';
import { readBid } from './bid-page.svelte.ts';

export const load: PageLoad = async ({ params, fetch }) => readBid(params.bidId, fetch);
