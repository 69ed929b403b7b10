import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class CloseRemittanceRequest {
  @ApiPropertyOptional({ example: '2026-11-20', description: 'only collections of this WIB business date and before; all of them when left out' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'upToDate must be a date written YYYY-MM-DD' })
  upToDate?: string;
}
