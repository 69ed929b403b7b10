import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { RupiahAmount } from '../../http/rupiah-amount.decorator.js';

export class CollectInstallmentRequest {
  @ApiProperty({ example: '000101000001001', description: 'the 15-digit loan account number' })
  @Matches(/^\d{15}$/, { message: 'loanNo must be the 15-digit loan account number' })
  loanNo!: string;

  @RupiahAmount(
    'rupiah taken in cash: at most what the bank accepts now, and a whole installment unless partial payments are agreed',
  )
  amount!: number;
}
