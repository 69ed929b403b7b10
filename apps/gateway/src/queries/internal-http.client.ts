import { HttpStatus, Logger } from '@nestjs/common';
import { ApiException } from '../http/api-exception.js';

const QUERY_TIMEOUT_MS = 5000;

/**
 * Calls a service's internal endpoint with the shared token; 400, 404, 409 and 422 pass through with the service's
 * words, other failures are 502/503.
 */
export class InternalHttpClient {
  private readonly logger: Logger;

  constructor(
    private readonly service: string,
    private readonly baseUrl: string,
    private readonly internalToken: string,
  ) {
    this.logger = new Logger(`InternalHttpClient:${service}`);
  }

  get<T>(path: string, query: Record<string, string | undefined> = {}): Promise<T> {
    return this.send('GET', path, query);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.send('PUT', path, {}, body);
  }

  private async send<T>(
    method: 'GET' | 'PUT',
    path: string,
    query: Record<string, string | undefined>,
    body?: unknown,
  ): Promise<T> {
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [name, value] of Object.entries(query))
      if (value !== undefined) url.searchParams.set(name, value);
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          'x-internal-token': this.internalToken,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(QUERY_TIMEOUT_MS),
      });
    } catch (error) {
      this.logger.warn(`${method} ${url.pathname} failed: ${String(error)}`);
      throw new ApiException(
        HttpStatus.SERVICE_UNAVAILABLE,
        'SERVICE_UNAVAILABLE',
        `The ${this.service} service did not answer; try again`,
      );
    }
    if (response.ok) return (await response.json()) as T;
    const answer = (await response.json().catch(() => null)) as { message?: unknown } | null;
    if (response.status === HttpStatus.NOT_FOUND) {
      const message = typeof answer?.message === 'string' ? answer.message : 'Not found';
      throw new ApiException(HttpStatus.NOT_FOUND, 'NOT_FOUND', message);
    }
    if (response.status === HttpStatus.BAD_REQUEST) {
      const message = typeof answer?.message === 'string' ? answer.message : 'Bad query';
      throw new ApiException(
        HttpStatus.BAD_REQUEST,
        'BAD_QUERY',
        message,
        (answer as { details?: unknown } | null)?.details ?? null,
      );
    }
    if (
      response.status === HttpStatus.UNPROCESSABLE_ENTITY &&
      typeof answer?.message === 'string'
    ) {
      throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, 'UNPROCESSABLE', answer.message);
    }
    if (response.status === HttpStatus.CONFLICT && typeof answer?.message === 'string') {
      throw new ApiException(HttpStatus.CONFLICT, 'CONFLICT', answer.message);
    }
    this.logger.warn(`${method} ${url.pathname} answered ${response.status}`);
    throw new ApiException(
      HttpStatus.BAD_GATEWAY,
      'UPSTREAM_ERROR',
      `The ${this.service} service failed to answer this query`,
    );
  }
}
