import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches, Validate, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import { isCalendarDate } from '@koperasi/domain';

@ValidatorConstraint({ name: 'calendarDate' })
class CalendarDateConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string') return false;
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
  }

  defaultMessage(): string {
    return 'date must be a real calendar date written YYYY-MM-DD, e.g. 2026-11-22';
  }
}

export class CounterTodayQuery {
  @ApiPropertyOptional({ example: '2026-11-22', format: 'date', description: 'the WIB day to show; today (WIB) when left out' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a date written YYYY-MM-DD, e.g. 2026-11-22' })
  @Validate(CalendarDateConstraint)
  date?: string;
}
