import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsISO8601, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { CalendarDay } from '../../http/calendar-day.decorator.js';

const MAX_STATEMENT_LINES = 500;

/** An unencoded `+07:00` in a query string arrives as ` 07:00`, since `+` there means a space. */
const restorePlus = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.replace(/ (\d{2}:?\d{2})$/, '+$1') : value;

export class AsOfQuery {
  @ApiPropertyOptional({
    example: '2026-03-31T23:59:59+07:00',
    description:
      'The books as they stood at this instant: every entry whose business event occurred at or before it. ' +
      'A date alone is the end of that day in WIB, a time without a zone is WIB. Now when left out.',
  })
  @IsOptional()
  @Transform(restorePlus)
  @IsISO8601(
    { strict: true },
    { message: 'asOf must be an ISO 8601 date or date-time, e.g. 2026-03-31T23:59:59+07:00' },
  )
  asOf?: string;
}

export class SavingsStatementQuery extends AsOfQuery {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_STATEMENT_LINES,
    description: 'the latest lines to show; 100 when left out',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: `limit must be from 1 to ${MAX_STATEMENT_LINES}` })
  @Max(MAX_STATEMENT_LINES, { message: `limit must be from 1 to ${MAX_STATEMENT_LINES}` })
  limit?: number;
}

export class FeeIncomeQuery {
  @ApiProperty({ example: '2026-03-01', description: 'first business day (WIB), YYYY-MM-DD' })
  @CalendarDay()
  from!: string;

  @ApiProperty({
    example: '2026-03-31',
    description: 'last business day (WIB), YYYY-MM-DD, included; at most 366 days after from',
  })
  @CalendarDay()
  to!: string;

  @ApiPropertyOptional({ enum: ['product', 'day'], description: 'product when left out' })
  @IsOptional()
  @IsIn(['product', 'day'], { message: 'groupBy must be product or day' })
  groupBy?: 'product' | 'day';
}

export class EntriesQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'the event the entry was posted from' })
  @IsOptional()
  @IsUUID('all', { message: 'sourceEventId must be a UUID' })
  sourceEventId?: string;
}

export class CashByTellerQuery {
  @ApiPropertyOptional({
    example: '2026-03-31',
    description: 'day, YYYY-MM-DD; today when left out',
  })
  @IsOptional()
  @CalendarDay()
  date?: string;
}
