import type { z } from 'zod';
import { PROBLEM_CONTENT_TYPE, problemSchema, type FieldError, type Problem } from '$shared/problem.ts';

/** Why a call failed: the API answered with a problem, answered something unreadable, or did not answer. */
export type ApiFailure = 'problem' | 'unreadable' | 'unreachable';

/** A failed API call, as a problem (RFC 9457) the page can show, whatever went wrong underneath. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** The HTTP status; 0 when no answer came at all. */
  readonly status: number;

  constructor(
    readonly failure: ApiFailure,
    readonly problem: Problem,
    options?: ErrorOptions,
  ) {
    super(problem.detail ?? problem.title, options);
    this.status = problem.status;
  }

  /** One entry per invalid field (e.g. `body.email`), to show beside the inputs of a form. */
  get fieldErrors(): readonly FieldError[] {
    return this.problem.errors ?? [];
  }
}

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** SvelteKit's `fetch` when called from a `load`. */
  fetch?: typeof fetch;
  signal?: AbortSignal;
}

/**
 * Calls the Crossover API on the same origin and answers its JSON body, parsed with the shared zod
 * `schema` when one is given (`undefined` for a 204 without one). Every failure throws an {@link ApiError}.
 */
export function api<Schema extends z.ZodType>(path: `/api/${string}`, request: ApiRequest & { schema: Schema }): Promise<z.output<Schema>>;
export function api(path: `/api/${string}`, request?: ApiRequest): Promise<unknown>;
export async function api(path: `/api/${string}`, request: ApiRequest & { schema?: z.ZodType } = {}): Promise<unknown> {
  const { method = 'GET', body, schema, fetch: fetchFn = fetch, signal } = request;
  const headers: Record<string, string> = { accept: `application/json, ${PROBLEM_CONTENT_TYPE}` };
  if (body !== undefined) headers['content-type'] = 'application/json';

  let response: Response;
  try {
    response = await fetchFn(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError('unreachable', { type: 'about:blank', title: 'The API did not answer', status: 0 }, { cause });
  }

  if (!response.ok) throw await errorFrom(response);
  if (response.status === 204 && !schema) return undefined;

  const json = await readJson(response);
  if (json === undefined) throw unreadable(response, 'The answer was not JSON');
  if (!schema) return json;
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw unreadable(response, 'The answer did not match its schema', parsed.error);
  return parsed.data;
}

async function errorFrom(response: Response): Promise<ApiError> {
  const problem = problemSchema.safeParse(await readJson(response));
  if (problem.success) return new ApiError('problem', problem.data);
  // No problem document: a gateway or CDN answered for an API that is down or not deployed.
  const failure: ApiFailure = [502, 503, 504].includes(response.status) ? 'unreachable' : 'unreadable';
  return new ApiError(failure, {
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
  });
}

function unreadable(response: Response, detail: string, cause?: unknown): ApiError {
  return new ApiError('unreadable', { type: 'about:blank', title: 'Unexpected answer from the API', status: response.status, detail }, { cause });
}

/** The body as JSON, or `undefined` when it is not JSON (an HTML fallback page, an empty body). */
async function readJson(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}
