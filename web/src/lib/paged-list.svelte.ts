import { Action, type ActionWords } from './action.svelte.ts';
import type { Page } from './cursor-page.ts';

/** A cursor-paged list whose first page the page's `load` read; "load more" adds the next. */
export class PagedList<Item> {
  items = $state<Item[]>([]);
  cursor = $state<string | null>(null);
  /** Reading the next page: busy while it goes, and why it failed. */
  readonly loading: Action;

  constructor(
    first: Page<Item>,
    private readonly next: (cursor: string) => Promise<Page<Item>>,
    words?: ActionWords,
  ) {
    this.items = first.items;
    this.cursor = first.cursor;
    this.loading = new Action(words);
  }

  async more(): Promise<void> {
    const cursor = this.cursor;
    if (!cursor) return;
    const page = await this.loading.run(() => this.next(cursor));
    if (!page) return;
    this.items = [...this.items, ...page.items];
    this.cursor = page.cursor;
  }
}
