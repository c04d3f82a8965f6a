import type { FieldError } from '#shared/problem.ts';

/**
 * A failure the client should hear about, carrying its own status: the one error handler turns
 * it into RFC 9457 problem+json. Anything that is not an HttpProblem is a 500 without details.
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
    this.name = 'HttpProblem';
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) => new HttpProblem(400, 'Bad Request', detail, errors);

export const unsupportedMediaType = (detail: string) => new HttpProblem(415, 'Unsupported Media Type', detail);

export const payloadTooLarge = (limitBytes: number) => new HttpProblem(413, 'Content Too Large', `The request body is larger than ${limitBytes} bytes.`);

export const validationFailed = (errors: FieldError[]) => new HttpProblem(422, 'Unprocessable Content', 'Some fields are not valid.', errors);

export const notFound = (detail = 'There is nothing here.') => new HttpProblem(404, 'Not Found', detail);

export const methodNotAllowed = (allowed: string[]) => new HttpProblem(405, 'Method Not Allowed', `Use ${allowed.join(', ')}.`, undefined, { allow: allowed.join(', ') });
