import type { paths } from './openapi';
import { ApiError } from './api-error';

/**
 * The gateway's API, typed from its OpenAPI document (openapi.d.ts is generated: npm run web:api-types).
 * Paths are written as the document writes them, `{id}` filled from `path`.
 */
type Method = 'get' | 'post' | 'put';
type PathsWith<M extends Method> = {
  [P in keyof paths]: paths[P][M] extends { responses: unknown } ? P : never;
}[keyof paths];
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Success<O> = O extends { responses: infer R }
  ? | JsonOf<R extends { 200: infer A } ? A : never>
    | JsonOf<R extends { 201: infer B } ? B : never>
    | JsonOf<R extends { 202: infer C } ? C : never>
  : never;
type Body<O> = O extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
type PathParams<O> = O extends { parameters: { path: infer P } }
  ? P extends Record<string, unknown>
    ? P
    : never
  : never;
type QueryParams<O> = O extends { parameters: { query?: infer Q } } ? Q : never;

interface RequestOptions<O> {
  path?: PathParams<O>;
  query?: QueryParams<O>;
  body?: Body<O>;
  /** Writes: one key per business action, reused on every retry of it. */
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** Sign-in, refresh and logout: sent without the bearer token, and a 401 is their own answer. */
  anonymous?: boolean;
}

/** Told when a request comes back 401 and a refresh did not help: the session has ended. */
let onUnauthorized: () => void = () => undefined;
let bearerToken: () => string | null = () => null;
/** Renews the access token; true when a new one is in place. */
let refreshToken: () => Promise<boolean> = async () => false;

export function configureApiClient(options: {
  token: () => string | null;
  refresh: () => Promise<boolean>;
  onUnauthorized: () => void;
}): void {
  bearerToken = options.token;
  refreshToken = options.refresh;
  onUnauthorized = options.onUnauthorized;
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/**
 * A 401 on a request with a token (the token expired while the PC slept, or between the refresh timer and now)
 * is retried once after a refresh: the guard refused it before anything ran, so the same request, with the same
 * Idempotency-Key, is safe to send again, and a teller is not thrown out in the middle of a payment.
 */
async function request<P extends keyof paths, M extends Method>(
  method: M,
  path: P,
  options: RequestOptions<Operation<P, M>> = {},
  retried = false,
): Promise<Success<Operation<P, M>>> {
  const url = new URL(
    fillPath(String(path), options.path as Record<string, unknown> | undefined),
    location.origin,
  );
  for (const [name, value] of Object.entries((options.query ?? {}) as Record<string, unknown>)) {
    if (value !== undefined && value !== null && value !== '')
      url.searchParams.set(name, String(value));
  }
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = options.anonymous ? null : bearerToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(url, {
      method: method.toUpperCase(),
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', 'no answer from the gateway');
  }
  const payload: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (response.ok) return payload as Success<Operation<P, M>>;
  const body = (payload ?? {}) as { error?: string; message?: string; details?: unknown };
  const failure = new ApiError(
    response.status,
    body.error ?? `HTTP_${response.status}`,
    body.message ?? response.statusText,
    body.details ?? null,
  );
  if (response.status === 401 && token) {
    if (!retried && (await refreshToken())) return request(method, path, options, true);
    onUnauthorized();
  }
  throw failure;
}

function fillPath(template: string, params: Record<string, unknown> | undefined): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null)
      throw new Error(`path parameter ${name} missing for ${template}`);
    return encodeURIComponent(String(value));
  });
}

export const api = {
  get: <P extends PathsWith<'get'>>(path: P, options?: RequestOptions<Operation<P, 'get'>>) =>
    request('get', path, options),
  post: <P extends PathsWith<'post'>>(path: P, options?: RequestOptions<Operation<P, 'post'>>) =>
    request('post', path, options),
  put: <P extends PathsWith<'put'>>(path: P, options?: RequestOptions<Operation<P, 'put'>>) =>
    request('put', path, options),
};

export type ApiSchemas = import('./openapi').components['schemas'];
