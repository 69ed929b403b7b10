import { HttpException } from '@nestjs/common';
import type { ApiErrorBody } from './api-error-body.js';

/** An HTTP error with a machine-readable code; rendered as ApiErrorBody by the global filter. */
export class ApiException extends HttpException {
  constructor(status: number, code: string, message: string, details: unknown = null) {
    const body: ApiErrorBody = { statusCode: status, error: code, message, details };
    super(body, status);
  }

  get body(): ApiErrorBody {
    return this.getResponse() as ApiErrorBody;
  }
}
