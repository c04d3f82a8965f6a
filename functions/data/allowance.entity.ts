import { Entity, type TransactWriteEntity } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { secondsUntilTomorrow, type DailyAllowance } from '../domain/daily-allowance.ts';
import type { TransactionResult } from './races.ts';

/** A day's count outlives its day by this much, then TTL removes it. */
const KEPT_AFTER_DAY_SECONDS = 24 * 60 * 60;

/**
 * How many times a scope's allowance was used on one UTC day (see DailyAllowance). One item per
 * scope and day, so a new day starts from nothing; it lapses (TTL) the day after.
 */
export const allowanceEntitySchema = {
  model: { entity: 'allowance', version: '1', service: 'crossover' },
  attributes: {
    scope: { type: 'string', required: true, readOnly: true },
    day: { type: 'string', required: true, readOnly: true },
    used: { type: 'number' },
    expiresAt: { type: 'number' },
  },
  indexes: {
    // How much of this scope's allowance is used today? (counted and checked in one conditional write)
    byScopeAndDay: {
      pk: { field: 'pk', composite: ['scope'], template: 'ALLOWANCE#${scope}', casing: 'none' },
      sk: { field: 'sk', composite: ['day'], template: 'DAY#${day}', casing: 'none' },
    },
  },
} as const;

export const allowanceEntity = (client: DynamoDBDocumentClient, table: string) => new Entity(allowanceEntitySchema, { client, table });

type AllowanceEntity = ReturnType<typeof allowanceEntity>;
/** The allowance entity as a service's transaction hands it over. */
type AllowanceWriter = AllowanceEntity extends Entity<infer A, infer F, infer C, infer S> ? TransactWriteEntity<A, F, C, S> : never;

/**
 * The transaction item that uses one of today's allowance: adds one to the day's count only while
 * it is below the cap (the first use creates the item). Its condition failing means: used up.
 */
export function allowanceUse(allowances: AllowanceWriter, { scope, cap, at }: DailyAllowance) {
  const day = at.toISOString().slice(0, 10);
  const endOfDay = Math.round(at.getTime() / 1000 + secondsUntilTomorrow(at));
  return allowances
    .update({ scope, day })
    .add({ used: 1 })
    .set({ expiresAt: endOfDay + KEPT_AFTER_DAY_SECONDS })
    .where(({ used }, { notExists, lt }) => `${notExists(used)} OR ${lt(used, cap)}`)
    .commit();
}

/** How often a transaction that uses an allowance is tried while it only loses to concurrent ones. */
const ATTEMPTS = 10;

/**
 * Runs a transaction that uses an allowance again while it lost only to a concurrent transaction on
 * the same items (every use of an allowance writes its one item), so a burst of requests is refused
 * by the cap alone, never by its own contention. A refusal before any transaction (a stale version) comes back as it is.
 */
export async function retriedOnContention<R extends TransactionResult, Refused>(write: () => Promise<R | Refused>): Promise<R | Refused> {
  for (let attempt = 1; ; attempt++) {
    const result = await write();
    if (!isTransaction(result)) return result;
    const codes = result.data.map(({ code }) => code);
    const contendedOnly = result.canceled && codes.includes('TransactionConflict') && !codes.includes('ConditionalCheckFailed');
    if (!contendedOnly || attempt === ATTEMPTS) return result;
    // Full jitter, doubling up to half a second: the losers spread out instead of colliding again.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(500, 10 * 2 ** attempt)));
  }
}

const isTransaction = (result: unknown): result is TransactionResult => typeof result === 'object' && result !== null && 'canceled' in result;

/** Did the item at this position fail its own condition (not merely lose to a concurrent transaction)? */
export const refusedAt = ({ canceled, data }: TransactionResult, position: number) => canceled && data[position]?.code === 'ConditionalCheckFailed';
