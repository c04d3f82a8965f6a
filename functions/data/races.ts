/** What ElectroDB returns for a `TransactWriteItems`: the cancellation reason of each item, in order. */
export interface TransactionResult {
  canceled: boolean;
  data: { code?: string }[];
}

/**
 * The reasons DynamoDB gives when a write lost a race with another request rather than failed:
 * a guard no longer held (`ConditionalCheckFailed`), or a concurrent transaction held one of the
 * same items (`TransactionConflict`). Either way what the caller read is stale: a 409, never a 500.
 */
const lostRaceCodes = new Set(['ConditionalCheckFailed', 'TransactionConflict']);

/** Did this transaction lose a race? Anything else that cancels it (throttling, validation) is a fault. */
export const lostRace = ({ canceled, data }: TransactionResult) => canceled && data.some(({ code }) => lostRaceCodes.has(code ?? ''));

/** Did the transaction lose its race on the item at this position (its guard, or a concurrent transaction on it)? */
export const lostRaceOn = ({ canceled, data }: TransactionResult, position: number) => canceled && lostRaceCodes.has(data[position]?.code ?? '');

/** Did this single-item write lose a race? ElectroDB wraps the SDK's error, so its name is in the message or the cause. */
export function lostRaceError(error: unknown): boolean {
  const names = [error, (error as { cause?: unknown })?.cause].map((each) => `${(each as Error)?.name ?? ''} ${(each as Error)?.message ?? each}`).join(' ');
  return /ConditionalCheckFailed|TransactionConflict|conditional request failed/i.test(names);
}

/** A guarded transaction's outcome: written, or refused because it lost a race; anything else is a fault. */
export function guardsHeld(result: TransactionResult, what: string): boolean {
  if (!result.canceled) return true;
  if (lostRace(result)) return false;
  throw new Error(`${what} failed: ${JSON.stringify(result.data.map((item) => item.code))}`);
}
