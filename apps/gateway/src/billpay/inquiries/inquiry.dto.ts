import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class InquiryRequest {
  @ApiProperty({ example: 'PLNPOST', description: 'a product code from GET /billpay/products' })
  @IsString({ message: 'productCode must be a product code such as PLNPOST' })
  @Matches(/^[A-Z0-9]{2,20}$/, {
    message: 'productCode must be a product code such as PLNPOST (capitals and digits)',
  })
  productCode!: string;

  @ApiProperty({
    example: '512345678901',
    description: "the customer's number at the biller (meter, IDPEL, phone, ...)",
  })
  @IsString({ message: 'customerNo must be the digits of the customer number, as text' })
  @MaxLength(30, { message: 'customerNo is at most 30 characters' })
  customerNo!: string;
}
