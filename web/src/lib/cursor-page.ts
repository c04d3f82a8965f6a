import type { z } from 'zod';
import { api } from './api.ts';

/** One page of a cursor-paged list, as the API answers it. */
export interface Page<Item> {
  items: Item[];
  cursor: string | null;
}

/** The query for the page after `cursor`, added to the list's own. */
export const withCursor = (query: Record<string, string>, cursor?: string): string => new URLSearchParams({ ...query, ...(cursor ? { cursor } : {}) }).toString();

/** A page of a list the API reads at `path` alone, the first or the one after `cursor`. */
export const readPage = <Item>(path: `/api/${string}`, schema: z.ZodType<Page<Item>>, cursor?: string, fetchFn?: typeof fetch): Promise<Page<Item>> =>
  api(cursor ? `${path}?${withCursor({}, cursor)}` : path, { schema, fetch: fetchFn });
