/** How far the local server's test control has moved the domain's time ahead of the system clock; 0 in every Lambda. */
let offsetMs = 0;

/**
 * The time the domain works in (the ports' `now`): the system clock. Tests of the local stack may
 * move it forward to pass a deadline; sessions and sign-in codes keep the real time.
 */
export const clock = {
  now: (): Date => new Date(Date.now() + offsetMs),
};

/**
 * Moves the domain's time forward. Only the local server's test control calls it
 * (functions/local/test-controls.ts, served only with CROSSOVER_TEST_CONTROLS=1); no Lambda
 * bundle contains a caller, as test/infra checks.
 */
export function advanceClock(ms: number): Date {
  offsetMs += ms;
  return clock.now();
}

/** How far the domain's time runs ahead of the system clock now (the test control's bounds need it). */
export function clockOffsetMs(): number {
  return offsetMs;
}
