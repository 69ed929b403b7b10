import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpStatus } from '@nestjs/common';
import type { ApiErrorBody } from './api-error-body.js';
import { parseStrictJson, StrictJsonError } from './strict-json.js';

/** As body-parser's default: a payment or a registration is a few hundred bytes. */
export const MAX_BODY_BYTES = 100 * 1024;

interface BodyRequest extends IncomingMessage {
  body?: unknown;
  /** The exact bytes received: the aggregator's callback signature covers them, not a re-serialised parse. */
  rawBody?: Buffer;
}

interface JsonResponse extends ServerResponse {
  status(code: number): JsonResponse;
  json(body: unknown): void;
}

const JSON_CONTENT_TYPE = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The gateway's only body reader (Nest's parsers are off, see gatewayAppOptions): a body is JSON in UTF-8,
 * parsed strictly (parseStrictJson), or the request is refused here, before any guard or handler runs, in the
 * API's error shape. Requests without a body pass untouched.
 */
export function strictJsonBody(
  request: BodyRequest,
  response: JsonResponse,
  next: (error?: unknown) => void,
): void {
  if (!hasBody(request)) return next();
  const contentType = request.headers['content-type'] ?? '';
  if (!JSON_CONTENT_TYPE.test(contentType.trim())) {
    return refuse(
      response,
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      'UNSUPPORTED_MEDIA_TYPE',
      `The body must be JSON sent as Content-Type: application/json, not ${contentType || 'no content type'}`,
    );
  }
  const encoding = request.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') {
    return refuse(
      response,
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the body uncompressed (no Content-Encoding)',
    );
  }
  if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return tooLarge(response);

  const chunks: Buffer[] = [];
  let received = 0;
  let refused = false;
  request.on('data', (chunk: Buffer) => {
    if (refused) return;
    received += chunk.length;
    if (received > MAX_BODY_BYTES) {
      refused = true;
      tooLarge(response);
      return;
    }
    chunks.push(chunk);
  });
  request.on('error', (error) => {
    if (!refused) next(error);
    refused = true;
  });
  request.on('end', () => {
    if (refused) return;
    const raw = Buffer.concat(chunks, received);
    let text: string;
    try {
      text = utf8.decode(raw);
    } catch {
      return refuse(
        response,
        HttpStatus.BAD_REQUEST,
        'INVALID_JSON',
        'The body is not valid UTF-8',
      );
    }
    try {
      request.body = parseStrictJson(text);
    } catch (error) {
      if (!(error instanceof StrictJsonError)) return next(error);
      const details =
        error.path === null ? null : [{ field: error.path, problems: [error.message] }];
      return refuse(response, HttpStatus.BAD_REQUEST, error.code, error.message, details);
    }
    request.rawBody = raw;
    next();
  });
}

function hasBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length'];
  return (
    request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
  );
}

function tooLarge(response: JsonResponse): void {
  refuse(
    response,
    HttpStatus.PAYLOAD_TOO_LARGE,
    'PAYLOAD_TOO_LARGE',
    `The body is larger than ${MAX_BODY_BYTES} bytes`,
  );
}

function refuse(
  response: JsonResponse,
  status: number,
  code: string,
  message: string,
  details: unknown = null,
): void {
  const body: ApiErrorBody = { statusCode: status, error: code, message, details };
  response.status(status).json(body);
}
