import { ApiProperty } from '@nestjs/swagger';
import { RECEIPT_KINDS, type ReceiptKind } from './receipt-prints.repository.js';

export class ReceiptPrintResponse {
  @ApiProperty({ enum: RECEIPT_KINDS }) kind!: ReceiptKind;
  @ApiProperty({
    description: 'the receipt printed: payment id, collection id or savings event id',
  })
  id!: string;
  @ApiProperty({
    enum: ['CA', 'CU'],
    description: 'CA: the original (first print); CU (cetak ulang): a reprint',
  })
  copy!: 'CA' | 'CU';
  @ApiProperty({ format: 'date-time', description: 'when this print was recorded' })
  printedAt!: string;
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    example: 1,
    description: 'how many times this receipt has been printed, this one included',
  })
  printCount!: number;
  @ApiProperty({
    type: [String],
    maxLength: 32,
    description:
      'the receipt as plain text for a 58 mm printer, every line at most 32 characters, print them as they are; ' +
      'the last line is the copy mark: `CA`, or `CU  dd-mm-yyyy HH:mm WIB` for a reprint',
  })
  lines!: string[];
}
