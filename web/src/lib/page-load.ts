import { error } from '@sveltejs/kit';
import { reasonOf } from './action.svelte.ts';
import { ApiError } from './api.ts';

/** What a page says on the error page when what it shows cannot be read. */
export interface LoadWords {
  /** The heading (and a sentence) when it does not exist or the caller may not see it; a list, which always exists, has none. */
  missing?: { title: string; text?: string };
  /** The heading and sentence, given the API's reason, when the read failed otherwise; without them the site's. */
  failed?: { title: string; text: (reason: string) => string };
}

/** Statuses the API answers for what does not exist for this caller: a bad id, hidden, or gone. */
const missingStatuses = [400, 403, 404];

/**
 * Reads what a page shows in its `load`; when the API refuses, SvelteKit shows the error page
 * in the page's own words: a 404 for what this caller may not see (whether it exists stays
 * unsaid), else the API's status with its reason.
 */
export async function readOrFail<T>(read: () => Promise<T>, words: LoadWords): Promise<T> {
  try {
    return await read();
  } catch (cause) {
    if (!(cause instanceof ApiError)) throw cause;
    if (words.missing && missingStatuses.includes(cause.status)) error(404, { message: words.missing.title, ...words.missing });
    // No answer at all (status 0) is the service being unavailable.
    const status = cause.status >= 400 ? cause.status : 503;
    if (!words.failed) error(status, { message: reasonOf(cause) });
    const text = words.failed.text(reasonOf(cause));
    error(status, { message: text, title: words.failed.title, text });
  }
}
