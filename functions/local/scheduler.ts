/** A job the local server runs every `everyMs`, as EventBridge does in AWS; runs never overlap. */
export interface LocalSchedule {
  stop(): Promise<void>;
}

export function every(everyMs: number, job: () => Promise<unknown>, onError: (error: unknown) => void): LocalSchedule {
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
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
