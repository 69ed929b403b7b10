import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';

export class TrialBalanceQuery {
  @ApiPropertyOptional({ example: '2026-03-31T23:59:59+07:00', description: 'ISO 8601 instant; now when left out' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'asOf must be an ISO 8601 date or date-time' })
  asOf?: string;
}

export class EntriesQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'the event the entry was posted from' })
  @IsOptional()
  @IsUUID('all', { message: 'sourceEventId must be a UUID' })
  sourceEventId?: string;
}

export class CashByTellerQuery {
  @ApiPropertyOptional({ example: '2026-03-31', description: 'day, YYYY-MM-DD; today when left out' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'date must be a day written YYYY-MM-DD' })
  date?: string;
}
