import type { MiddlewareObj } from '@middy/core';
import { HttpError } from '@middy/util';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { PROBLEM_CONTENT_TYPE, type Problem } from '#shared/problem.ts';
import { logger } from '#functions/logger.ts';
import { DomainError } from '#functions/domain/errors.ts';
import { HttpProblem } from '../problem.ts';

type ProblemAnswer = { problem: Problem; headers: Record<string, string> };

const domainStatus = { notFound: [404, 'Not Found'], conflict: [409, 'Conflict'], invalid: [422, 'Unprocessable Content'], rateLimited: [429, 'Too Many Requests'] } as const;

function fromDomain(error: DomainError): HttpProblem {
  const [status, title] = domainStatus[error.kind];
  const errors = error.fields ?? (error.field ? [{ field: error.field, message: error.message }] : undefined);
  const headers: Record<string, string> = error.retryAfterSeconds ? { 'retry-after': String(error.retryAfterSeconds) } : {};
  return new HttpProblem(status, title, error.message, errors, headers);
}

/** Error names the AWS SDK gives a service that is down, overloaded or throttling us: worth trying again shortly. */
const unavailableNames = new Set([
  'TimeoutError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'InternalServerError',
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
]);
/** Socket errors of a service we cannot reach at all. */
const unreachableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** Seconds a client should wait before trying again; the SDK's own retries have already spent a few. */
export const unavailableRetryAfterSeconds = 5;

/**
 * Whether an error means that a service Crossover depends on (DynamoDB, SES) is unreachable or
 * overloaded for now, rather than that the request or our code is wrong. ElectroDB and Powertools
 * wrap the SDK's error, so its causes (and an AggregateError's errors) are searched too.
 */
export function isServiceUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const { name, code, message, cause, errors } = error as { name?: unknown; code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof name === 'string' && unavailableNames.has(name)) return true;
  if (typeof code === 'string' && (unreachableCodes.has(code) || unavailableNames.has(code))) return true;
  if (typeof message === 'string' && /socket hang up/i.test(message)) return true;
  return isServiceUnavailable(cause, depth + 1) || (Array.isArray(errors) && errors.some((inner) => isServiceUnavailable(inner, depth + 1)));
}

function toProblem(caught: unknown, instance: string): ProblemAnswer {
  if (isServiceUnavailable(caught)) {
    return {
      problem: {
        type: 'about:blank',
        title: 'Service Unavailable',
        status: 503,
        detail: 'Crossover cannot reach its database or mail service right now. Try again in a moment.',
        instance,
      },
      headers: { 'retry-after': String(unavailableRetryAfterSeconds) },
    };
  }
  const error = caught instanceof DomainError ? fromDomain(caught) : caught;
  if (error instanceof HttpProblem) {
    const problem: Problem = { type: 'about:blank', title: error.title, status: error.status, instance };
    if (error.detail) problem.detail = error.detail;
    if (error.errors?.length) problem.errors = error.errors;
    return { problem, headers: error.headers };
  }
  // Errors raised by middy's own middleware (e.g. the router) carry a status and say if it may be shown.
  if (error instanceof HttpError && error.statusCode < 500) {
    return {
      problem: { type: 'about:blank', title: error.name.replace(/Error$/, ''), status: error.statusCode, detail: error.message, instance },
      headers: {},
    };
  }
  return {
    problem: { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'Something went wrong on our side.', instance },
    headers: {},
  };
}

/** Every failure leaves as RFC 9457 problem+json; server faults are logged, never shown. */
export function problemDetails(): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> {
  return {
    onError: async (request) => {
      const instance = request.event.rawPath ?? '';
      const { problem, headers } = toProblem(request.error, instance);
      if (problem.status >= 500) logger.error('Request failed', { error: request.error as Error });
      else logger.info('Request refused', { status: problem.status, title: problem.title });
      request.response = {
        statusCode: problem.status,
        headers: { ...headers, 'content-type': PROBLEM_CONTENT_TYPE, 'cache-control': 'no-store' },
        body: JSON.stringify(problem),
      };
    },
  };
}
