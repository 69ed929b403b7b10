import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CalendarDay } from '../../http/calendar-day.decorator.js';

export class DailyRecapQuery {
  @ApiPropertyOptional({
    example: '2026-11-22',
    format: 'date',
    description: 'the WIB day to recap; today (WIB) when left out',
  })
  @IsOptional()
  @CalendarDay()
  date?: string;
}

export class DailyRecapExportQuery extends DailyRecapQuery {
  @ApiProperty({
    enum: ['csv', 'html'],
    description: 'csv for a spreadsheet, html for an A4 page to print or save as PDF',
  })
  @IsIn(['csv', 'html'], { message: 'format must be csv or html' })
  format!: 'csv' | 'html';
}
