import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { CalendarDay } from '../../http/calendar-day.decorator.js';

export class CloseRemittanceRequest {
  @ApiPropertyOptional({
    example: '2026-11-20',
    description: 'only collections of this WIB business date and before; all of them when left out',
  })
  @IsOptional()
  @CalendarDay()
  upToDate?: string;
}
