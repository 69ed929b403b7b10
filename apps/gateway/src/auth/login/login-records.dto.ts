import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { CalendarDay } from '../../http/calendar-day.decorator.js';
import { LOGIN_OUTCOMES, type LoginOutcome } from './login-attempts.repository.js';

export class LoginRecordsQuery {
  @ApiPropertyOptional({
    example: '2026-11-22',
    format: 'date',
    description: 'the WIB day to show; today (WIB) when left out',
  })
  @IsOptional()
  @CalendarDay()
  date?: string;
}

export class LoginRecordResponse {
  @ApiProperty({ format: 'date-time', example: '2026-11-22T01:02:03.000Z' }) at!: string;
  @ApiProperty({
    example: 'teller.gedawang',
    description: 'the username as typed, also when no such user exists',
  })
  username!: string;
  @ApiProperty({ example: '10.8.0.12', description: 'the client address the gateway saw' })
  address!: string;
  @ApiProperty({
    enum: LOGIN_OUTCOMES,
    description:
      'SUCCESS; WRONG_PASSWORD (or unknown username); LOCKED: refused during a lockout (the first refusal of each); ' +
      'DISABLED: the right password of a disabled user; UNLOCKED: a supervisor or the admin lifted the lockout (see by)',
  })
  outcome!: LoginOutcome;
  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'UNLOCKED: who lifted the lockout; null otherwise',
  })
  by!: string | null;
}

export class LoginRecordsResponse {
  @ApiProperty({ format: 'date', example: '2026-11-22', description: 'the WIB day shown' })
  date!: string;
  @ApiProperty({ type: [LoginRecordResponse], description: 'newest first' })
  logins!: LoginRecordResponse[];
  @ApiProperty({
    description: 'true when the day has more sign-ins than were listed (the newest are listed)',
  })
  truncated!: boolean;
}
