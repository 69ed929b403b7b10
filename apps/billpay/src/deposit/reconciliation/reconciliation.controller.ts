import { Controller, Get, HttpStatus, Param, Query, UseGuards } from '@nestjs/common';
import { isCalendarDate } from '@koperasi/domain';
import { isUuid } from '@koperasi/service-kit';
import { BillpayHttpError } from '../../infrastructure/billpay-error.js';
import { InternalTokenGuard } from '../../infrastructure/internal-token.guard.js';
import { ReconciliationService, type ReconciliationView } from './reconciliation.service.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

@Controller('internal/koperasi/:koperasiId/reconciliation')
@UseGuards(InternalTokenGuard)
export class ReconciliationController {
  constructor(private readonly reconciliation: ReconciliationService) {}

  @Get()
  get(
    @Param('koperasiId') koperasiId: string,
    @Query('date') date?: string,
  ): Promise<ReconciliationView> {
    const match = DATE.exec(date ?? '');
    if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
      throw new BillpayHttpError(
        HttpStatus.BAD_REQUEST,
        'BAD_QUERY',
        'date must be a WIB business date written YYYY-MM-DD',
        [{ field: 'date', message: 'a date YYYY-MM-DD is required' }],
      );
    }
    if (!isUuid(koperasiId))
      throw new BillpayHttpError(HttpStatus.NOT_FOUND, 'NOT_FOUND', 'No such koperasi');
    return this.reconciliation.reconcile(koperasiId, date as string);
  }
}
