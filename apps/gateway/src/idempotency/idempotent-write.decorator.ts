import { HttpStatus, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiException } from '../http/api-exception.js';

/** What the idempotency store needs from the HTTP request besides the validated body. */
export interface IdempotentWrite {
  key: string;
  method: string;
  path: string;
}

interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/** The request's Idempotency-Key (400 when missing or malformed), with the method and path it is bound to. */
export const IdempotentWriteRequest = createParamDecorator(
  (_data: unknown, context: ExecutionContext): IdempotentWrite => {
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const key = request.headers['idempotency-key'];
    if (key === undefined) {
      throw new ApiException(
        HttpStatus.BAD_REQUEST,
        'IDEMPOTENCY_KEY_MISSING',
        'This request moves money or creates records: send an Idempotency-Key header (e.g. a new UUID per request)',
        [{ field: 'Idempotency-Key', problems: ['header is required'] }],
      );
    }
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw new ApiException(
        HttpStatus.BAD_REQUEST,
        'IDEMPOTENCY_KEY_INVALID',
        'Idempotency-Key must be 1-200 visible ASCII characters',
        [{ field: 'Idempotency-Key', problems: ['must be 1-200 visible ASCII characters'] }],
      );
    }
    return { key, method: request.method, path: request.url.split('?', 1)[0] };
  },
);
