import { HttpException } from '@nestjs/common';

/** An internal-API error in the gateway's shape `{statusCode, error, message, details}`, which it passes on. */
export class BillpayHttpError extends HttpException {
  constructor(status: number, code: string, message: string, details: unknown = null) {
    super({ statusCode: status, error: code, message, details }, status);
  }
}
