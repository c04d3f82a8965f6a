import { invalidError } from '../domain/errors.ts';
import type { Page, PageRequest } from '../domain/kernel.ts';

/** The partition an ElectroDB query reads: its key field and value, as the entity builds them. */
function partitionOf(query: { params(): object }): { field: string; value: unknown } {
  const params = query.params() as { ExpressionAttributeNames: Record<string, string>; ExpressionAttributeValues: Record<string, unknown> };
  return { field: params.ExpressionAttributeNames['#pk']!, value: params.ExpressionAttributeValues[':pk'] };
}

/**
 * A cursor is ElectroDB's base64url JSON key; one from another list (another partition than the
 * query's) is refused, not followed.
 */
export function checkedCursor(cursor: string | undefined, query: { params(): object }): string | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    const { field, value } = partitionOf(query);
    if (key[field] === value) return cursor;
  } catch {
    // Not JSON: refused below like any other foreign cursor.
  }
  throw invalidError('This page cursor is not valid; start again from the first page.', 'query.cursor');
}

/** One Query of at most `limit` items (DynamoDB's `Limit`), from the cursor on. */
export type PageQuery<T> = (options: { limit: number; cursor: string | null }) => Promise<{ data: T[]; cursor: string | null }>;

/**
 * One page in one Query that reads at most `limit + 1` items: the one past the page only says that a
 * next page exists, which then starts after the last item returned (`cursorAt`). A page whose filter
 * dropped items may hold fewer than `limit` and still have a next page.
 */
export async function pageOf<T>(query: PageQuery<T>, cursorAt: (item: NoInfer<T>) => string, { limit, cursor }: PageRequest): Promise<Page<T>> {
  const { data, cursor: next } = await query({ limit: limit + 1, cursor: cursor ?? null });
  if (data.length <= limit) return { items: data, cursor: next };
  const items = data.slice(0, limit);
  return { items, cursor: cursorAt(items[limit - 1]!) };
}
