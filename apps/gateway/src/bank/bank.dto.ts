import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { RupiahAmount } from '../http/rupiah-amount.decorator.js';

/** As bank slips and transfer references are printed: letters, digits, spaces and . / _ - (the members service checks the same). */
const BANK_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9 ./_-]{0,39}$/;

export class BankDepositRequest {
  @RupiahAmount(
    'cash taken from the vault (kas brankas) and deposited to the koperasi bank account',
  )
  amount!: number;

  @ApiProperty({
    example: 'SLIP-20261201-0042',
    description: "the bank's slip reference; recorded once per koperasi",
  })
  @IsString({ message: 'slipRef must be the slip reference as printed by the bank' })
  @Matches(BANK_REFERENCE, { message: 'slipRef must be 1-40 letters, digits, spaces or . / _ -' })
  slipRef!: string;
}

export class BankFeeSettlementRequest {
  @RupiahAmount('collection fees the bank paid into the koperasi bank account')
  amount!: number;

  @ApiProperty({
    example: 'BRI-FEE-202611',
    description: "the bank's transfer reference; recorded once per koperasi",
  })
  @IsString({ message: 'reference must be the transfer reference as printed by the bank' })
  @Matches(BANK_REFERENCE, { message: 'reference must be 1-40 letters, digits, spaces or . / _ -' })
  reference!: string;

  @ApiProperty({ example: '2026-11', description: 'the month whose fees the bank paid, YYYY-MM' })
  @IsString({ message: 'period must be a month YYYY-MM' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'period must be a month YYYY-MM' })
  period!: string;
}
