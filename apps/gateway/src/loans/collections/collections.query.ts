import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CalendarDay } from '../../http/calendar-day.decorator.js';

const STATES = ['UNREMITTED', 'IN_BATCH', 'REMITTED', 'REFUSED'];

export class CollectionsQuery {
  @ApiPropertyOptional({
    example: '2026-11-20',
    description: 'WIB business date; today when left out',
  })
  @IsOptional()
  @CalendarDay()
  date?: string;

  @ApiPropertyOptional({
    enum: STATES,
    description:
      'UNREMITTED: in the pool; IN_BATCH: in a batch the bank has not confirmed; REMITTED: confirmed; REFUSED: refused by the bank for good',
  })
  @IsOptional()
  @IsIn(STATES, { message: `status must be one of ${STATES.join(', ')}` })
  status?: string;
}
