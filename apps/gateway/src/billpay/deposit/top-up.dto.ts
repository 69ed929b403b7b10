import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { RupiahAmount } from '../../http/rupiah-amount.decorator.js';
import { CalendarDay } from '../../http/calendar-day.decorator.js';

export class TopUpRequest {
  @RupiahAmount('rupiah transferred from the koperasi bank account to the aggregator deposit')
  amount!: number;

  @ApiProperty({
    example: 'BRI-20261122-000123',
    description: 'the bank transfer reference; recorded once per koperasi',
  })
  @IsString({ message: 'bankTransferRef must be the transfer reference as printed by the bank' })
  @Matches(/^[\x21-\x7e]{1,100}$/, {
    message: 'bankTransferRef must be 1-100 visible characters without spaces',
  })
  bankTransferRef!: string;
}

export class ReconciliationQuery {
  @ApiProperty({ example: '2026-11-22', description: 'WIB business date' })
  @IsString({ message: 'date is required, written YYYY-MM-DD' })
  @CalendarDay()
  date!: string;
}
