import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

const STATES = ['UNREMITTED', 'IN_BATCH', 'REMITTED'];

export class CollectionsQuery {
  @ApiPropertyOptional({ example: '2026-11-20', description: 'WIB business date; today when left out' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'date must be a date written YYYY-MM-DD' })
  date?: string;

  @ApiPropertyOptional({ enum: STATES, description: 'UNREMITTED: in the pool; IN_BATCH: in a batch the bank has not confirmed; REMITTED: confirmed' })
  @IsOptional()
  @IsIn(STATES, { message: `status must be one of ${STATES.join(', ')}` })
  status?: string;
}
