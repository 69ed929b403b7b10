import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASH_DENOMINATIONS_RP } from '@koperasi/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { RupiahAmount } from '../http/rupiah-amount.decorator.js';

export class OpenCashDrawerRequest {
  @RupiahAmount('modal awal: the opening float handed over from the vault')
  openingFloat!: number;
}

export class DenominationRequest {
  @ApiProperty({
    enum: CASH_DENOMINATIONS_RP,
    example: 100000,
    description: 'the note or coin, rupiah',
  })
  @IsIn(CASH_DENOMINATIONS_RP, {
    message: `value must be a rupiah note or coin: ${CASH_DENOMINATIONS_RP.join(', ')}`,
  })
  value!: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 5 })
  @IsInt({ message: 'count must be a whole number' })
  @Min(0, { message: 'count must be zero or more' })
  @Max(1_000_000, { message: 'count is too large' })
  count!: number;
}

export class CloseCashDrawerRequest {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: Number.MAX_SAFE_INTEGER,
    example: 585000,
    description: 'the cash counted in the drawer, rupiah',
  })
  @IsInt({ message: 'counted must be a whole number of rupiah (no fractions, not a string)' })
  @Min(0, { message: 'counted must be zero or more' })
  @Max(Number.MAX_SAFE_INTEGER, { message: 'counted is too large' })
  counted!: number;

  @ApiPropertyOptional({
    type: [DenominationRequest],
    description: 'the count by note and coin; must add up to counted',
  })
  @IsOptional()
  @IsArray({ message: 'denominations must be a list' })
  @ArrayMaxSize(CASH_DENOMINATIONS_RP.length, {
    message: 'denominations may name each note and coin once',
  })
  @ValidateNested({ each: true })
  @Type(() => DenominationRequest)
  denominations?: DenominationRequest[];
}
