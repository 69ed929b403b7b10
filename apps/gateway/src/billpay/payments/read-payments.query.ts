import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

export class PaymentsQuery {
  @ApiPropertyOptional({ example: '2026-11-22', description: 'WIB date the payments were taken' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'date must be a date written YYYY-MM-DD' })
  date?: string;

  @ApiPropertyOptional({ enum: ['PROCESSING', 'PENDING', 'SUCCESS', 'FAILED'] })
  @IsOptional()
  @IsIn(['PROCESSING', 'PENDING', 'SUCCESS', 'FAILED'], { message: 'status must be PROCESSING, PENDING, SUCCESS or FAILED' })
  status?: string;
}
