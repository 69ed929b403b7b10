import { Controller, Get, Param } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';
import { koperasiOf } from '../../auth/koperasi-of.js';
import { LoansQueries } from '../../queries/loans-queries.js';
import { LoanAccountResponse, presentLoanAccount } from '../loan.responses.js';
import { checkLoanNo } from '../loan-no.js';

@ApiTags('loans')
@ApiBearerAuth()
@Controller('loans/accounts')
@Roles('supervisor', 'teller')
export class LoanAccountsController {
  constructor(private readonly loans: LoansQueries) {}

  @Get(':loanNo')
  @ApiOperation({
    summary:
      "The bank's current view of a loan: borrower, installment due, arrears, penalty, the most it accepts",
  })
  @ApiOkResponse({ type: LoanAccountResponse })
  @ApiNotFoundResponse({ description: 'the bank has no such loan' })
  @ApiServiceUnavailableResponse({
    description: 'the bank cannot be reached; nothing was recorded',
  })
  async lookup(
    @CurrentUser() user: AuthenticatedUser,
    @Param('loanNo') loanNo: string,
  ): Promise<LoanAccountResponse> {
    return presentLoanAccount(await this.loans.loan(koperasiOf(user), checkLoanNo(loanNo)));
  }
}
