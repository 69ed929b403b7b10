import {
  BadRequestException,
  Body,
  Controller,
  Get,
  NotFoundException,
  Param,
  Put,
  UseGuards,
} from '@nestjs/common';
import type { CollectionAgreementView, LoanProduct } from '@koperasi/contracts';
import { isUuid } from '@koperasi/service-kit';
import {
  AgreementsRepository,
  type AgreementInForce,
} from '../agreements/agreements.repository.js';
import {
  LOAN_PRODUCTS,
  checkAgreement,
  describeFee,
  type CollectionAgreement,
} from '../domain/index.js';
import { InternalTokenGuard } from './internal-token.guard.js';

interface AgreementBody {
  fee?: unknown;
  partialAllowed?: unknown;
  feeMode?: unknown;
  updatedBy?: unknown;
}

/**
 * The koperasi's collection agreements with the bank. Setting one is configuration, not money: it applies to
 * collections from then on, and each InstallmentCollected carries the fee it was given, so history never
 * depends on the agreement's later state.
 */
@Controller('internal/koperasi/:koperasiId/agreements')
@UseGuards(InternalTokenGuard)
export class AgreementsController {
  constructor(private readonly agreements: AgreementsRepository) {}

  @Get()
  async list(@Param('koperasiId') koperasiId: string): Promise<CollectionAgreementView[]> {
    if (!isUuid(koperasiId)) throw new NotFoundException('No such koperasi');
    return (await this.agreements.all(koperasiId)).map(agreementViewOf);
  }

  @Put(':product')
  async set(
    @Param('koperasiId') koperasiId: string,
    @Param('product') product: string,
    @Body() body: AgreementBody,
  ): Promise<CollectionAgreementView> {
    if (!isUuid(koperasiId)) throw new NotFoundException('No such koperasi');
    if (!LOAN_PRODUCTS.includes(product as LoanProduct))
      throw new NotFoundException(`No loan product ${product}; one of ${LOAN_PRODUCTS.join(', ')}`);
    if (typeof body?.updatedBy !== 'string' || body.updatedBy === '')
      throw new BadRequestException('updatedBy names who set the agreement');
    const agreement = {
      product,
      fee: body.fee,
      partialAllowed: body.partialAllowed,
      feeMode: body.feeMode,
    } as CollectionAgreement;
    const fee = body.fee as { kind?: unknown } | null;
    if (typeof fee !== 'object' || fee === null)
      throw new BadRequestException(
        'fee is { kind: FIXED, feeRp } or { kind: PERCENT, basisPoints }',
      );
    const problem = checkAgreement(agreement);
    if (problem) throw new BadRequestException(problem.message);
    const clean: CollectionAgreement = {
      product: agreement.product,
      fee:
        agreement.fee.kind === 'FIXED'
          ? { kind: 'FIXED', feeRp: agreement.fee.feeRp }
          : { kind: 'PERCENT', basisPoints: agreement.fee.basisPoints },
      partialAllowed: agreement.partialAllowed,
      feeMode: agreement.feeMode,
    };
    await this.agreements.save(koperasiId, clean, body.updatedBy);
    const saved = (await this.agreements.all(koperasiId)).find(
      (candidate) => candidate.product === product,
    );
    return agreementViewOf(saved!);
  }
}

function agreementViewOf(agreement: AgreementInForce): CollectionAgreementView {
  return {
    product: agreement.product,
    fee: agreement.fee,
    feeDescription: describeFee(agreement.fee),
    partialAllowed: agreement.partialAllowed,
    feeMode: agreement.feeMode,
    agreed: agreement.agreed,
    updatedBy: agreement.updatedBy,
    updatedAt: agreement.updatedAt,
  };
}
