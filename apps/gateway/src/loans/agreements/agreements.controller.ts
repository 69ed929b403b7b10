import { Body, Controller, Get, HttpStatus, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';
import { koperasiOf } from '../../auth/koperasi-of.js';
import { ApiException } from '../../http/api-exception.js';
import { LoansQueries } from '../../queries/loans-queries.js';
import { AgreementResponse, presentAgreement } from '../loan.responses.js';
import { SetAgreementRequest } from './set-agreement.dto.js';

/**
 * The koperasi's collection agreements with the bank per product. Without one, the defaults apply: KUR
 * Rp2.500 fixed, whole installments only, paid by the bank; Kupedes 0.50% half up, partial allowed, netted.
 */
@ApiTags('loans')
@ApiBearerAuth()
@Controller('loans/agreements')
export class LoanAgreementsController {
  constructor(private readonly loans: LoansQueries) {}

  @Get()
  @Roles('supervisor', 'teller', 'auditor')
  @ApiOperation({ summary: 'The agreements in force for KUR and Kupedes' })
  @ApiOkResponse({ type: [AgreementResponse] })
  async list(@CurrentUser() user: AuthenticatedUser): Promise<AgreementResponse[]> {
    return (await this.loans.agreements(koperasiOf(user))).map(presentAgreement);
  }

  @Put(':product')
  @Roles('supervisor', 'admin')
  @ApiOperation({
    summary: 'Set the agreement for KUR or KUPEDES; applies to collections from now on',
  })
  @ApiOkResponse({ type: AgreementResponse })
  async set(
    @CurrentUser() user: AuthenticatedUser,
    @Param('product') product: string,
    @Body() body: SetAgreementRequest,
  ): Promise<AgreementResponse> {
    const koperasiId = this.koperasiFor(user, body.koperasiId);
    const fee =
      body.fee.kind === 'FIXED'
        ? { kind: 'FIXED' as const, feeRp: body.fee.amount! }
        : { kind: 'PERCENT' as const, basisPoints: body.fee.basisPoints! };
    const saved = await this.loans.setAgreement(koperasiId, product.toUpperCase(), {
      fee,
      partialAllowed: body.partialAllowed,
      feeMode: body.feeMode,
      updatedBy: user.id,
    });
    return presentAgreement(saved);
  }

  private koperasiFor(user: AuthenticatedUser, named: string | undefined): string {
    if (user.role === 'admin') {
      if (named === undefined) {
        throw new ApiException(
          HttpStatus.BAD_REQUEST,
          'VALIDATION_FAILED',
          'The platform admin names the koperasi: koperasiId is required',
          [{ field: 'koperasiId', problems: ['is required for the platform admin'] }],
        );
      }
      return named;
    }
    const own = koperasiOf(user);
    if (named !== undefined && named !== own)
      throw new ApiException(
        HttpStatus.FORBIDDEN,
        'FORBIDDEN',
        "A supervisor sets only their own koperasi's agreements",
      );
    return own;
  }
}
