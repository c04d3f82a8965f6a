/** A job the local server runs every `everyMs`, as EventBridge does in AWS; runs never overlap. */
export interface LocalSchedule<T> {
  /** Runs the job once more, after any run under way, and gives its result. */
  runNow(): Promise<T>;
  stop(): Promise<void>;
}

export function every<T>(everyMs: number, job: () => Promise<T>, onError: (error: unknown) => void): LocalSchedule<T> {
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = running.then(job).then(
      () => undefined,
      (error: unknown) => onError(error),
    );
  };
  const timer = setInterval(tick, everyMs);
  tick();
  return {
    runNow() {
      const run = running.then(job);
      running = run.then(
        () => undefined,
        () => undefined,
      );
      return run;
    },
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
