import { SvelteSet } from 'svelte/reactivity';
import { bidSchema, type BidContent } from '$shared/bid.ts';
import { api } from '$lib/api.ts';
import { failureOf, type ActionFailure } from '$lib/action.svelte.ts';
import { getLocale } from '$lib/paraglide/runtime.js';
import { bidWords, type BidPage } from './bid-page.svelte.ts';
import { candidateFrom, checkContent, contentFields, fieldMessage, missingForSubmission, storedContent, valuesFrom, type BidValues } from './bid-values.ts';

/** Where the typing stands against what the API holds. */
export type SaveState = 'saved' | 'pending' | 'saving' | 'failed';

/** How long typing must pause before a draft is saved. */
const autosaveDelay = 1200;

type Refusals = Record<string, { message: string; value: string }>;

const fieldOf = (path: string) => path.split('.')[0] ?? '';

function valueAt(content: unknown, path: string): string {
  const value = path.split('.').reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), content);
  return JSON.stringify(value) ?? '';
}

/**
 * The bid being written: the values as typed, checked as the API checks them, and saved with the
 * version read. A draft saves itself a moment after typing stops; a sealed bid is saved (and so
 * sealed again) only when the firm says so. A field's problem shows once it has been left.
 */
export class BidEditor {
  private readonly page: BidPage;
  /** Drafts save themselves; a sealed bid waits for the firm to seal it again. */
  readonly autosave: boolean;
  values: BidValues = $state() as BidValues;
  readonly checked = $derived(checkContent(candidateFrom(this.values)));
  /** What the API holds now. */
  readonly stored = $derived.by(() => storedContent(this.page.bid, this.page.criteria.length));
  /** The bid as it would be sealed: every valid field as typed, the rest as stored. */
  readonly content: Partial<BidContent> = $derived({ ...this.stored, ...this.checked.valid });
  readonly missing = $derived.by(() => missingForSubmission(this.content, this.page.criteria));
  /** The valid fields that differ from what the API holds: what the next save sends. */
  readonly changes: Partial<BidContent> = $derived(
    Object.fromEntries(
      contentFields
        .filter((field) => field in this.checked.valid && JSON.stringify(this.checked.valid[field]) !== JSON.stringify(this.stored[field]))
        .map((field) => [field, this.checked.valid[field]]),
    ),
  );
  readonly unsaved = $derived(Object.keys(this.changes).length > 0);
  /** Typed but not savable until fixed. */
  readonly invalid = $derived(Object.keys(this.checked.errors).length > 0);

  state = $state<SaveState>('saved');
  savedAt = $state<string | null>(null);
  failure = $state<ActionFailure | null>(null);
  #touched = new SvelteSet<string>();
  #refused = $state<Refusals>({});
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(page: BidPage, autosave: boolean) {
    this.page = page;
    this.autosave = autosave;
    this.values = this.#read();
  }

  #read(): BidValues {
    return valuesFrom(this.page.bid, this.page.criteria.length, getLocale());
  }

  touch(...paths: string[]) {
    for (const path of paths) this.#touched.add(path);
  }

  errorFor(path: string): string | undefined {
    const refused = this.#refused[path];
    if (refused && refused.value === valueAt(candidateFrom(this.values), path)) return refused.message;
    return this.#touched.has(path) || this.#touched.has(fieldOf(path)) ? this.checked.errors[path] : undefined;
  }

  /** Puts the API's field errors (`body.team.0.name`) beside their fields. */
  refuse(fields: ActionFailure['fields']) {
    const candidate = candidateFrom(this.values);
    const refused: Refusals = {};
    for (const { field } of fields) {
      const path = field.replace(/^body\.?/, '');
      if (!contentFields.includes(fieldOf(path) as never)) continue;
      const rule = this.missing.find((violation) => violation.path === path);
      refused[path] ??= { message: rule?.message ?? fieldMessage(path), value: valueAt(candidate, path) };
    }
    this.#refused = refused;
    this.touch(...Object.keys(refused));
  }

  /** Called whenever the changes change: a draft saves once typing pauses. */
  schedule() {
    clearTimeout(this.#timer);
    if (!this.autosave || this.state === 'saving') return;
    if (!this.unsaved) {
      if (this.state === 'pending') this.state = 'saved';
      return;
    }
    this.state = 'pending';
    this.#timer = setTimeout(() => void this.save(), autosaveDelay);
  }

  /** Saves the changes now (after any other write under way); answers whether all of them are saved. */
  save(): Promise<boolean> {
    clearTimeout(this.#timer);
    return this.page.write(async () => {
      const bid = this.page.bid;
      const changes = this.changes;
      if (Object.keys(changes).length === 0) return true;
      this.state = 'saving';
      try {
        this.page.bid = await api(`/api/bids/${bid.id}`, { method: 'PATCH', body: { version: bid.version, ...changes }, schema: bidSchema });
        this.savedAt = this.page.bid.updatedAt;
        this.failure = null;
        this.#refused = {};
        this.state = 'saved';
        return !this.unsaved;
      } catch (error) {
        const failure = failureOf(error, bidWords);
        // Saved elsewhere meanwhile, or past the deadline: show the bid as the API holds it now.
        if (failure.status === 409) await this.reload();
        this.failure = failure;
        this.refuse(failure.fields);
        this.state = 'failed';
        return false;
      }
    });
  }

  async reload() {
    await this.page.load();
    this.values = this.#read();
  }

  /** Stops a pending save, when the form goes away. */
  stop() {
    clearTimeout(this.#timer);
  }
}
