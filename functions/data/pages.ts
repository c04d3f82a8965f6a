import { invalidError } from '../domain/errors.ts';
import type { Page, PageRequest } from '../domain/organisations/ports.ts';

/** A cursor is ElectroDB's base64url JSON key; one that names another list is refused, not followed. */
export function checkedCursor(cursor: string | undefined, keyField: string, keyValue: string): string | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (key[keyField] === keyValue) return cursor;
  } catch {
    // Not JSON: refused below like any other foreign cursor.
  }
  throw invalidError('This page cursor is not valid; start again from the first page.', 'query.cursor');
}

export type PageQuery<T> = (options: { count: number; cursor?: string | null }) => Promise<{ data: T[]; cursor: string | null }>;

/** One page of a query; a full page whose next page would be empty says it is the last one. */
export async function pageOf<T>(query: PageQuery<T>, { limit, cursor }: PageRequest): Promise<Page<T>> {
  const first = await query({ count: limit, cursor: cursor ?? null });
  if (!first.cursor) return { items: first.data, cursor: null };
  const next = await query({ count: 1, cursor: first.cursor });
  return { items: first.data, cursor: next.data.length ? first.cursor : null };
}
