import { Body, Controller, HttpCode, HttpStatus, Param, Post, UseGuards } from '@nestjs/common';
import { isUuid } from '@koperasi/service-kit';
import { BillpayHttpError } from '../infrastructure/billpay-error.js';
import { InternalTokenGuard } from '../infrastructure/internal-token.guard.js';
import { InquiryService } from './inquiry.service.js';
import type { InquiryView } from './inquiry-view.js';

/**
 * Inquiries are asked over HTTP, not as a Kafka command: they move no money, and the teller waits for the
 * aggregator's answer anyway.
 */
@Controller('internal/koperasi/:koperasiId/inquiries')
@UseGuards(InternalTokenGuard)
export class InquiriesController {
  constructor(private readonly inquiries: InquiryService) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  create(
    @Param('koperasiId') koperasiId: string,
    @Body() body: Record<string, unknown> | undefined,
  ): Promise<InquiryView> {
    if (!isUuid(koperasiId))
      throw new BillpayHttpError(HttpStatus.NOT_FOUND, 'NOT_FOUND', 'No such koperasi');
    const problems = (['productCode', 'customerNo', 'tellerId'] as const)
      .filter((field) => typeof body?.[field] !== 'string' || (body[field] as string).trim() === '')
      .map((field) => ({ field, message: 'is required' }));
    if (problems.length > 0) {
      throw new BillpayHttpError(
        HttpStatus.BAD_REQUEST,
        'VALIDATION_FAILED',
        `Invalid inquiry: check ${problems.map((p) => p.field).join(', ')}`,
        problems,
      );
    }
    const { productCode, customerNo, tellerId } = body as Record<
      'productCode' | 'customerNo' | 'tellerId',
      string
    >;
    return this.inquiries.inquire(koperasiId, {
      productCode: productCode.trim(),
      customerNo: customerNo.trim(),
      tellerId,
    });
  }
}
