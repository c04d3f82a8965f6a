/**
 * What the domain can refuse, in its own words; the HTTP layer maps each kind to a status
 * (functions/http/middleware/problem-details.ts), so no use case knows about HTTP.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: 'notFound' | 'conflict' | 'invalid' | 'rateLimited',
    message: string,
    /** The input field at fault, e.g. `body.kvkNumber`. */
    readonly field?: string,
    /** For `rateLimited`: when to try again. */
    readonly retryAfterSeconds?: number,
    /** For `invalid` with several fields at fault: each with its own message. */
    readonly fields?: { field: string; message: string }[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFoundError = (message: string) => new DomainError('notFound', message);
export const conflictError = (message: string, field?: string) => new DomainError('conflict', message, field);
export const invalidError = (message: string, field?: string) => new DomainError('invalid', message, field);
/** Several fields at fault at once (e.g. a submission that lacks more than one), each named. */
export const invalidFieldsError = (message: string, fields: { field: string; message: string }[]) => new DomainError('invalid', message, undefined, undefined, fields);
export const rateLimitedError = (message: string, retryAfterSeconds: number) => new DomainError('rateLimited', message, undefined, Math.max(1, Math.ceil(retryAfterSeconds)));
