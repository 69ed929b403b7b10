import {
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import { isDatabaseUnreachable } from '@koperasi/platform';
import type { ApiErrorBody } from './api-error-body.js';
import { ApiException } from './api-exception.js';

/** A client may ask again this soon after the gateway lost its database: pools reconnect at once. */
const DATABASE_RETRY_AFTER_S = 1;

/** Fastify's reply, as far as an error answer needs it. */
interface ResponseLike {
  /** Ended, or handed over to a handler that writes the Node response itself (the exports). */
  sent: boolean;
  raw: { headersSent: boolean };
  header(name: string, value: string): void;
  status(code: number): ResponseLike;
  send(body: unknown): void;
}

/** Renders every error, ours or Nest's, as `{statusCode, error, message, details}`; internals never leak. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<ResponseLike>();
    const body = toErrorBody(exception);
    if (
      body.statusCode === HttpStatus.INTERNAL_SERVER_ERROR &&
      !(exception instanceof HttpException)
    ) {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    }
    if (response.sent || response.raw.headersSent) return;
    if (body.error === DATABASE_UNAVAILABLE) {
      this.logger.warn(`answered 503, database unreachable: ${String(exception)}`);
      response.header('Retry-After', String(DATABASE_RETRY_AFTER_S));
    }
    response.status(body.statusCode).send(body);
  }
}

const DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE';

export function toErrorBody(exception: unknown): ApiErrorBody {
  if (exception instanceof ApiException) return exception.body;
  // A connection PostgreSQL dropped or refused (restart, terminated backends): the request may be sent again
  // with its Idempotency-Key, which answers once whatever got done; never a 500 (found by the chaos run).
  if (isDatabaseUnreachable(exception))
    return {
      statusCode: HttpStatus.SERVICE_UNAVAILABLE,
      error: DATABASE_UNAVAILABLE,
      message:
        'The gateway lost its database for a moment; send the same request again with the same Idempotency-Key',
      details: null,
    };
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : typeof (response as { message?: unknown }).message === 'string'
          ? (response as { message: string }).message
          : defaultMessageOf(status);
    // Nest's health check throws its own body (the checks); keep it visible as details.
    const details =
      typeof response === 'object' && status === HttpStatus.SERVICE_UNAVAILABLE ? response : null;
    return { statusCode: status, error: codeOfStatus(status), message, details };
  }
  return {
    statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
    error: 'INTERNAL_ERROR',
    message: 'Something went wrong on our side; the request may be retried',
    details: null,
  };
}

function defaultMessageOf(status: number): string {
  if (status === HttpStatus.SERVICE_UNAVAILABLE)
    return 'Not available right now; try again shortly';
  if (status === HttpStatus.NOT_FOUND) return 'Not found';
  return codeOfStatus(status).toLowerCase().replaceAll('_', ' ');
}

/** NOT_FOUND for 404, PAYLOAD_TOO_LARGE for 413, ... from Nest's HttpStatus names. */
function codeOfStatus(status: number): string {
  const name = (HttpStatus as unknown as Record<number, string | undefined>)[status];
  return name ?? `HTTP_${status}`;
}
