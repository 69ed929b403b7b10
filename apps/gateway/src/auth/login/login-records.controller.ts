import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { nowInWib } from '@koperasi/service-kit';
import { CurrentUser, Roles } from '../auth.decorators.js';
import type { AuthenticatedUser } from '../authenticated-user.js';
import { koperasiOf } from '../koperasi-of.js';
import { LoginAttemptsRepository } from './login-attempts.repository.js';
import { LoginRecordsQuery, LoginRecordsResponse } from './login-records.dto.js';

/** A day's sign-ins listed at most; a day with more is an attack the first page already shows. */
const MAX_LISTED = 1_000;
const DAY_MS = 24 * 3600 * 1000;

@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth')
export class LoginRecordsController {
  constructor(private readonly attempts: LoginAttemptsRepository) {}

  @Get('logins')
  @Roles('supervisor', 'admin')
  @ApiOperation({
    summary:
      "A WIB day's sign-ins, successful and failed, with the address they came from: a supervisor sees its koperasi's users, the admin every attempt",
  })
  @ApiOkResponse({ type: LoginRecordsResponse })
  @ApiBadRequestResponse({ description: 'date is not a real calendar date written YYYY-MM-DD' })
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: LoginRecordsQuery,
  ): Promise<LoginRecordsResponse> {
    const date = query.date ?? nowInWib().slice(0, 10);
    const from = new Date(`${date}T00:00:00+07:00`);
    const to = new Date(from.getTime() + DAY_MS);
    const koperasiId = user.role === 'admin' ? null : koperasiOf(user);
    const found = await this.attempts.between(
      from.toISOString(),
      to.toISOString(),
      koperasiId,
      MAX_LISTED + 1,
    );
    return {
      date,
      logins: found.slice(0, MAX_LISTED).map((attempt) => ({
        at: attempt.attemptedAt,
        username: attempt.username,
        address: attempt.address,
        outcome: attempt.outcome,
        by: attempt.by,
      })),
      truncated: found.length > MAX_LISTED,
    };
  }
}
