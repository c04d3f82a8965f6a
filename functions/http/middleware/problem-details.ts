import type { MiddlewareObj } from '@middy/core';
import { HttpError } from '@middy/util';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { PROBLEM_CONTENT_TYPE, type Problem } from '#shared/problem.ts';
import { logger } from '../../logger.ts';
import { DomainError } from '../../domain/errors.ts';
import { HttpProblem } from '../problem.ts';

type ProblemAnswer = { problem: Problem; headers: Record<string, string> };

const domainStatus = { notFound: [404, 'Not Found'], conflict: [409, 'Conflict'], invalid: [422, 'Unprocessable Content'], rateLimited: [429, 'Too Many Requests'] } as const;

function fromDomain(error: DomainError): HttpProblem {
  const [status, title] = domainStatus[error.kind];
  const errors = error.fields ?? (error.field ? [{ field: error.field, message: error.message }] : undefined);
  const headers: Record<string, string> = error.retryAfterSeconds ? { 'retry-after': String(error.retryAfterSeconds) } : {};
  return new HttpProblem(status, title, error.message, errors, headers);
}

function toProblem(caught: unknown, instance: string): ProblemAnswer {
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
