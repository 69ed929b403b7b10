import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

/** Either `inquiryId` (postpaid, or prepaid after an inquiry) or `productCode` and `customerNo` (prepaid). */
export class PayBillRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'the inquiry to pay' })
  @IsOptional()
  @IsUUID('all', { message: 'inquiryId must be the inquiryId an inquiry returned' })
  inquiryId?: string;

  @ApiPropertyOptional({ example: 'PLN20', description: 'prepaid product, without an inquiry' })
  @IsOptional()
  @IsString({ message: 'productCode must be a product code such as PLN20' })
  @Matches(/^[A-Z0-9]{2,20}$/, {
    message: 'productCode must be a product code such as PLN20 (capitals and digits)',
  })
  productCode?: string;

  @ApiPropertyOptional({
    example: '14012345678',
    description: 'meter or phone number, with productCode',
  })
  @IsOptional()
  @IsString({ message: 'customerNo must be the digits of the customer number, as text' })
  @MaxLength(30, { message: 'customerNo is at most 30 characters' })
  customerNo?: string;
}
