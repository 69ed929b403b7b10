import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export class FeeRuleRequest {
  @ApiProperty({ enum: ['FIXED', 'PERCENT'] })
  @IsIn(['FIXED', 'PERCENT'], { message: 'fee.kind must be FIXED or PERCENT' })
  kind!: 'FIXED' | 'PERCENT';

  @ApiPropertyOptional({
    type: 'integer',
    example: 2500,
    description: 'FIXED: rupiah per installment, 0 to 1.000.000',
  })
  @ValidateIf((fee: FeeRuleRequest) => fee.kind === 'FIXED')
  @IsInt({ message: 'fee.amount must be a whole number of rupiah' })
  @Min(0, { message: 'fee.amount must not be negative' })
  @Max(1_000_000, { message: 'fee.amount must be at most 1000000' })
  amount?: number;

  @ApiPropertyOptional({
    type: 'integer',
    example: 50,
    description: 'PERCENT: basis points, 50 = 0.50%, at most 1000 (10%); rounded half up',
  })
  @ValidateIf((fee: FeeRuleRequest) => fee.kind === 'PERCENT')
  @IsInt({ message: 'fee.basisPoints must be a whole number (1 = 0.01%)' })
  @Min(0, { message: 'fee.basisPoints must not be negative' })
  @Max(1_000, { message: 'fee.basisPoints must be at most 1000 (10%)' })
  basisPoints?: number;
}

export class SetAgreementRequest {
  @ApiProperty({ type: FeeRuleRequest })
  @ValidateNested()
  @Type(() => FeeRuleRequest)
  fee!: FeeRuleRequest;

  @ApiProperty({ description: 'whether less than one whole installment may be taken' })
  @IsBoolean({ message: 'partialAllowed must be true or false' })
  partialAllowed!: boolean;

  @ApiProperty({
    enum: ['BANK_PAYS', 'NETTED'],
    description: 'BANK_PAYS: the bank owes the fee; NETTED: kept back from the remittance',
  })
  @IsIn(['BANK_PAYS', 'NETTED'], { message: 'feeMode must be BANK_PAYS or NETTED' })
  feeMode!: 'BANK_PAYS' | 'NETTED';

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'the platform admin names the koperasi; a supervisor sets their own',
  })
  @IsOptional()
  @IsUUID('all', { message: 'koperasiId must be a UUID' })
  koperasiId?: string;
}
