/**
 * `<input type="datetime-local">` speaks wall-clock time without a zone; the API speaks UTC. The region
 * reads deadlines in Amsterdam, so the form converts through Europe/Amsterdam whatever zone the browser is in.
 */
const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `YYYY-MM-DDTHH:mm`, as Amsterdam's clocks show the instant. */
export function amsterdamInputFromIso(iso: string): string {
  const parts = Object.fromEntries(wallClock.formatToParts(new Date(iso)).map(({ type, value }) => [type, value]));
  return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}`;
}

/** How far Amsterdam's clock runs ahead of UTC at an instant, in milliseconds. */
const offsetAt = (instant: number) => Date.parse(`${amsterdamInputFromIso(new Date(instant).toISOString())}:00Z`) - (instant - (instant % 60_000));

/** The UTC instant at which Amsterdam's clock shows the input's wall time; '' while the input is incomplete. */
export function isoFromAmsterdamInput(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(value);
  if (!match) return '';
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The offset at the guess can differ from the offset at the answer around a DST change: ask twice.
  const instant = wall - offsetAt(wall - offsetAt(wall));
  return Number.isNaN(instant) ? '' : new Date(instant).toISOString();
}
