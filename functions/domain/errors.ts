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
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFoundError = (message: string) => new DomainError('notFound', message);
export const conflictError = (message: string, field?: string) => new DomainError('conflict', message, field);
export const invalidError = (message: string, field?: string) => new DomainError('invalid', message, field);
export const rateLimitedError = (message: string, retryAfterSeconds: number) =>
  new DomainError('rateLimited', message, undefined, Math.max(1, Math.ceil(retryAfterSeconds)));
