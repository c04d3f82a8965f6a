import type { z } from 'zod';
import { api } from '$lib/api.ts';
import { readOrFail, type LoadWords } from '$lib/page-load.ts';
import { withCursor, type Page } from '$lib/cursor-page.ts';
import { session } from '$lib/session.svelte.ts';

/** The status a staff queue lists: the URL's, else its first. */
const statusIn = <Status extends string>(url: URL, statuses: readonly Status[]): Status => {
  const chosen = statuses.find((status) => status === url.searchParams.get('status'));
  return chosen ?? statuses[0]!;
};

/** A page of a staff queue at `path`, of the items with `status`. */
export const readQueue = <Item>(path: `/api/staff/${string}`, schema: z.ZodType<Page<Item>>, status: string, cursor?: string, fetchFn?: typeof fetch) =>
  api(`${path}?${withCursor({ status }, cursor)}`, { schema, fetch: fetchFn });

/** A staff queue's first page for the status in the URL; only staff read it, anyone else is told the queue is for staff. */
export async function loadQueue<Status extends string, Item>(
  { url, fetch, depends }: { url: URL; fetch: typeof globalThis.fetch; depends: (...deps: `${string}:${string}`[]) => void },
  path: `/api/staff/${string}`,
  schema: z.ZodType<Page<Item>>,
  statuses: readonly Status[],
  words: LoadWords,
): Promise<{ status: Status; first: Page<Item> | null }> {
  const status = statusIn(url, statuses);
  if (!(await session.read({ depends }))?.staff) return { status, first: null };
  return { status, first: await readOrFail(() => readQueue(path, schema, status, undefined, fetch), words) };
}
