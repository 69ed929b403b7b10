import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import type { SimRequest } from '../common/raw-http.js';
import { RequestLog } from './request-log.js';

const LOAN_PATH = /^\/bank\/v1\/loans\/([^/?]+)/;
const REMITTANCE_PATH = /^\/bank\/v1\/remittances\/([^/?]+)/;

/** Logs each request to the partners' paths before anything can refuse it, bad signatures included. */
@Injectable()
export class RequestLogMiddleware implements NestMiddleware {
  constructor(private readonly log: RequestLog) {}

  use(request: SimRequest, _response: ServerResponse, next: () => void): void {
    const path = (request.url ?? '').split('?')[0];
    if (path.startsWith('/aggregator/') || path.startsWith('/bank/')) {
      const body = (
        typeof request.body === 'object' && request.body !== null ? request.body : {}
      ) as Record<string, unknown>;
      this.log.record({
        at: new Date().toISOString(),
        method: request.method ?? 'GET',
        path,
        ref_id: text(body.ref_id),
        customer_no: text(body.customer_no),
        product_code: text(body.product_code),
        loan_no: text(body.loan_no) ?? decoded(LOAN_PATH.exec(path)?.[1]),
        reference: text(body.reference),
        batch_ref: text(body.batch_ref) ?? decoded(REMITTANCE_PATH.exec(path)?.[1]),
      });
    }
    next();
  }
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function decoded(segment: string | undefined): string | null {
  if (segment === undefined) return null;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
