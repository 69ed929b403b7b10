import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CalendarDay } from '../../http/calendar-day.decorator.js';

export class PaymentsQuery {
  @ApiPropertyOptional({ example: '2026-11-22', description: 'WIB date the payments were taken' })
  @IsOptional()
  @CalendarDay()
  date?: string;

  @ApiPropertyOptional({ enum: ['PROCESSING', 'PENDING', 'SUCCESS', 'FAILED'] })
  @IsOptional()
  @IsIn(['PROCESSING', 'PENDING', 'SUCCESS', 'FAILED'], {
    message: 'status must be PROCESSING, PENDING, SUCCESS or FAILED',
  })
  status?: string;
}
