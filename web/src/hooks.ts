import type { Reroute } from '@sveltejs/kit';
import { deLocalizeUrl } from '$lib/paraglide/runtime.js';

// `/en/...` and `/...` are the same page in another language: route on the path without its prefix.
export const reroute: Reroute = ({ url }) => deLocalizeUrl(url).pathname;
