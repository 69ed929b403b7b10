import { HttpStatus, Logger } from '@nestjs/common';
import { ApiException } from '../http/api-exception.js';

const QUERY_TIMEOUT_MS = 5000;

/** GETs a service's internal query endpoint with the shared token; 404 passes through, other failures are 502/503. */
export class InternalHttpClient {
  private readonly logger: Logger;

  constructor(
    private readonly service: string,
    private readonly baseUrl: string,
    private readonly internalToken: string,
  ) {
    this.logger = new Logger(`InternalHttpClient:${service}`);
  }

  async get<T>(path: string, query: Record<string, string | undefined> = {}): Promise<T> {
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, value);
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { 'x-internal-token': this.internalToken, accept: 'application/json' },
        signal: AbortSignal.timeout(QUERY_TIMEOUT_MS),
      });
    } catch (error) {
      this.logger.warn(`GET ${url.pathname} failed: ${String(error)}`);
      throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, 'SERVICE_UNAVAILABLE', `The ${this.service} service did not answer; try again`);
    }
    if (response.ok) return (await response.json()) as T;
    const body = (await response.json().catch(() => null)) as { message?: unknown } | null;
    if (response.status === HttpStatus.NOT_FOUND) {
      const message = typeof body?.message === 'string' ? body.message : 'Not found';
      throw new ApiException(HttpStatus.NOT_FOUND, 'NOT_FOUND', message);
    }
    if (response.status === HttpStatus.BAD_REQUEST) {
      const message = typeof body?.message === 'string' ? body.message : 'Bad query';
      throw new ApiException(HttpStatus.BAD_REQUEST, 'BAD_QUERY', message, (body as { details?: unknown } | null)?.details ?? null);
    }
    this.logger.warn(`GET ${url.pathname} answered ${response.status}`);
    throw new ApiException(HttpStatus.BAD_GATEWAY, 'UPSTREAM_ERROR', `The ${this.service} service failed to answer this query`);
  }
}
