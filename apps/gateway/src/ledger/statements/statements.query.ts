import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { CalendarDay } from '../../http/calendar-day.decorator.js';

export const STATEMENT_NAMES = [
  'posisi-keuangan',
  'hasil-usaha',
  'perubahan-ekuitas',
  'arus-kas',
] as const;
export type StatementName = (typeof STATEMENT_NAMES)[number];

export class StatementPeriodQuery {
  @ApiProperty({ example: '2026-01-01', description: 'first business day (WIB), YYYY-MM-DD' })
  @CalendarDay()
  from!: string;

  @ApiProperty({
    example: '2026-03-31',
    description: 'last business day (WIB), YYYY-MM-DD, included; the position is at its end',
  })
  @CalendarDay()
  to!: string;
}

export class StatementExportQuery extends StatementPeriodQuery {
  @ApiProperty({
    enum: ['csv', 'html'],
    description: 'csv for a spreadsheet, html for an A4 page to print or save as PDF',
  })
  @IsIn(['csv', 'html'], { message: 'format must be csv or html' })
  format!: 'csv' | 'html';
}
