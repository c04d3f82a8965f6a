import type { ClientInit, HandleClientError } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime.js';

// Both languages share one static index.html; the document's language is known once the app starts.
export const init: ClientInit = () => {
  document.documentElement.lang = getLocale();
};

// A page that does not exist is a visitor's mistyped or stale link, not a fault: show the 404 page, log the rest.
export const handleError: HandleClientError = ({ error, status, message }) => {
  if (status !== 404) console.error(error);
  return { message };
};
