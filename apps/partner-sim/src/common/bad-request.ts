import { HttpException, HttpStatus } from '@nestjs/common';

/** `{statusCode, error, message, details}` with a machine-readable `code`, like every service of the suite. */
export class SimHttpError extends HttpException {
  constructor(statusCode: number, code: string, message: string, details: unknown = null) {
    super({ statusCode, error: code, code, message, details }, statusCode);
  }
}

export function badRequest(message: string, details: unknown = null): SimHttpError {
  return new SimHttpError(HttpStatus.BAD_REQUEST, 'BAD_REQUEST', message, details);
}
