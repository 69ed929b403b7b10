import {
  BadRequestException,
  Controller,
  Get,
  NotFoundException,
  Param,
  ServiceUnavailableException,
  UseGuards,
} from '@nestjs/common';
import type { LoanAccountView } from '@koperasi/contracts';
import { BankClient } from '../bank/bank-client.js';
import { LOAN_NO_PATTERN, loanAccountViewOf, parseBankLoan } from '../bank/loan-account-view.js';
import { InternalTokenGuard } from './internal-token.guard.js';

/**
 * The bank's current view of a loan, read through to the bank on every call and recorded nowhere: the
 * counter shows it, and the gateway passes it with the collect command it sends right after.
 */
@Controller('internal/koperasi/:koperasiId/loans')
@UseGuards(InternalTokenGuard)
export class LoanLookupController {
  constructor(private readonly bank: BankClient) {}

  @Get(':loanNo')
  async lookup(
    @Param('koperasiId') koperasiId: string,
    @Param('loanNo') loanNo: string,
  ): Promise<LoanAccountView> {
    if (!LOAN_NO_PATTERN.test(loanNo))
      throw new BadRequestException(`${loanNo} is not a loan account number: it has 15 digits`);
    const result = await this.bank.loan(koperasiId, loanNo);
    if (!result.ok) {
      if (result.kind === 'NOT_FOUND')
        throw new NotFoundException(`The bank has no loan ${loanNo}`);
      throw new ServiceUnavailableException(
        `The bank cannot be reached right now (${result.message}); nothing was recorded, try again shortly`,
      );
    }
    const loan = parseBankLoan(result.value, loanNo);
    if (!loan)
      throw new ServiceUnavailableException(
        `The bank's answer about loan ${loanNo} was not understood; nothing was recorded`,
      );
    return loanAccountViewOf(loan, new Date());
  }
}
