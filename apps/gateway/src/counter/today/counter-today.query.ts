import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { CalendarDay } from '../../http/calendar-day.decorator.js';

export class CounterTodayQuery {
  @ApiPropertyOptional({
    example: '2026-11-22',
    format: 'date',
    description: 'the WIB day to show; today (WIB) when left out',
  })
  @IsOptional()
  @CalendarDay()
  date?: string;
}
