/** What a scheduled job did with its items: how many it changed, and which failed and why. */
export interface JobRun {
  done: number;
  failed: { id: string; reason: string }[];
}

/**
 * Works through a job's items one at a time, so that one item that fails (a fault, not a refusal)
 * never stops the items after it; each failure is kept for the caller to log and count, and the
 * next run tries it again. `work` answers whether it changed the item.
 */
export async function oneAtATime<T>(items: readonly T[], idOf: (item: T) => string, work: (item: T) => Promise<boolean>): Promise<JobRun> {
  const run: JobRun = { done: 0, failed: [] };
  for (const item of items) {
    try {
      if (await work(item)) run.done += 1;
    } catch (error) {
      run.failed.push({ id: idOf(item), reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return run;
}
