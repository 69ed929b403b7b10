import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, Matches } from 'class-validator';
import { RupiahAmount } from '../../http/rupiah-amount.decorator.js';

export class SavingsAmountRequest {
  @RupiahAmount('rupiah taken or paid out at the counter')
  amount!: number;
}

/** A year of arrears and a year ahead fit; more in one payment is more likely a typing mistake. */
const MAX_PERIODS = 36;

export class PaySimpananWajibRequest {
  @ApiProperty({
    type: [String],
    example: ['2026-01', '2026-02', '2026-03'],
    description: 'months paid, YYYY-MM, each once',
  })
  @IsArray({ message: 'periods must be a list of months written YYYY-MM' })
  @ArrayMinSize(1, { message: 'periods must name at least one month' })
  @ArrayMaxSize(MAX_PERIODS, { message: `periods may name at most ${MAX_PERIODS} months` })
  @ArrayUnique({ message: 'periods must not name a month twice' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, {
    each: true,
    message: 'each period must be a month written YYYY-MM, e.g. 2026-01',
  })
  periods!: string[];

  @RupiahAmount("the total for all the months: months x the koperasi's monthly simpanan wajib")
  amount!: number;
}
