import type { IncomingMessage } from 'node:http';
import { HttpStatus } from '@nestjs/common';
import { ApiException } from './api-exception.js';
import { parseStrictJson, StrictJsonError } from './strict-json.js';

/** As body-parser's default: a payment or a registration is a few hundred bytes. */
export const MAX_BODY_BYTES = 100 * 1024;

interface BodyRequest {
  headers: IncomingMessage['headers'];
  /** The exact bytes received: the aggregator's callback signature covers them, not a re-serialised parse. */
  rawBody?: Buffer;
}

const JSON_CONTENT_TYPE = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The gateway's only body reader (Fastify's content-type parser for every type, see createGatewayApp): a body
 * is JSON in UTF-8, parsed strictly (parseStrictJson), or the request is refused here, before any guard or
 * handler runs, in the API's error shape. A request without a body passes untouched, whatever its Content-Type
 * (clients send application/json on a bodiless POST too).
 */
export function strictJsonBody(
  request: BodyRequest,
  payload: IncomingMessage,
  done: (error: Error | null, body?: unknown) => void,
): void {
  if (!hasBody(request)) return done(null, undefined);
  const contentType = request.headers['content-type'] ?? '';
  if (!JSON_CONTENT_TYPE.test(contentType.trim())) {
    return done(
      new ApiException(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'UNSUPPORTED_MEDIA_TYPE',
        `The body must be JSON sent as Content-Type: application/json, not ${contentType || 'no content type'}`,
      ),
    );
  }
  const encoding = request.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') {
    return done(
      new ApiException(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'UNSUPPORTED_MEDIA_TYPE',
        'Send the body uncompressed (no Content-Encoding)',
      ),
    );
  }
  if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return done(tooLarge());

  const chunks: Buffer[] = [];
  let received = 0;
  let refused = false;
  payload.on('data', (chunk: Buffer) => {
    if (refused) return;
    received += chunk.length;
    if (received > MAX_BODY_BYTES) {
      refused = true;
      done(tooLarge());
      return;
    }
    chunks.push(chunk);
  });
  payload.on('error', (error) => {
    if (!refused) done(error);
    refused = true;
  });
  payload.on('end', () => {
    if (refused) return;
    const raw = Buffer.concat(chunks, received);
    let text: string;
    try {
      text = utf8.decode(raw);
    } catch {
      return done(
        new ApiException(HttpStatus.BAD_REQUEST, 'INVALID_JSON', 'The body is not valid UTF-8'),
      );
    }
    let body: Record<string, unknown>;
    try {
      body = parseStrictJson(text);
    } catch (error) {
      if (!(error instanceof StrictJsonError)) return done(error as Error);
      const details =
        error.path === null ? null : [{ field: error.path, problems: [error.message] }];
      return done(new ApiException(HttpStatus.BAD_REQUEST, error.code, error.message, details));
    }
    request.rawBody = raw;
    done(null, body);
  });
}

function hasBody(request: BodyRequest): boolean {
  const length = request.headers['content-length'];
  return (
    request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
  );
}

function tooLarge(): ApiException {
  return new ApiException(
    HttpStatus.PAYLOAD_TOO_LARGE,
    'PAYLOAD_TOO_LARGE',
    `The body is larger than ${MAX_BODY_BYTES} bytes`,
  );
}
