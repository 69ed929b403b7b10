import { Body, Controller, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiException } from '../../http/api-exception.js';
import { clientAddressOf, TrustedProxies, type PeerRequest } from '../../http/client-address.js';
import { CurrentUser, Roles } from '../auth.decorators.js';
import type { AuthenticatedUser } from '../authenticated-user.js';
import { LoginAttemptsRepository } from '../login/login-attempts.repository.js';
import { LoginThrottle } from '../login/login-throttle.js';
import { UsersRepository } from '../users.repository.js';
import { UnlockLoginRequest, UnlockLoginResponse } from './unlock-login.dto.js';

/**
 * A teller locked out by mistyped passwords need not wait: its supervisor (or the admin) vouches for it and
 * lifts the lockout. The sign-in log records who did, from where. An address's lockout stays: it is the
 * guessing-from-one-network defence, and it ages out.
 */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth')
export class UnlockLoginController {
  constructor(
    private readonly users: UsersRepository,
    private readonly throttle: LoginThrottle,
    private readonly attempts: LoginAttemptsRepository,
    private readonly proxies: TrustedProxies,
  ) {}

  @Post('unlocks')
  @Roles('supervisor', 'admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      "Lift a username's sign-in lockout: a supervisor for its koperasi's users, the admin for anyone; recorded in the sign-in log",
  })
  @ApiOkResponse({ type: UnlockLoginResponse })
  @ApiNotFoundResponse({
    description: 'a supervisor named a username that is not a user of its koperasi',
  })
  async unlock(
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: UnlockLoginRequest,
    @Req() http: PeerRequest,
  ): Promise<UnlockLoginResponse> {
    const user = await this.users.findByUsername(body.username);
    if (caller.role !== 'admin' && (user === null || user.koperasiId !== caller.koperasiId)) {
      throw new ApiException(
        HttpStatus.NOT_FOUND,
        'USER_NOT_FOUND',
        `${body.username} is not a user of your koperasi`,
        [{ field: 'username', problems: ['not a user of your koperasi'] }],
      );
    }
    const wasLocked = await this.throttle.unlock(body.username);
    await this.attempts.record({
      username: body.username,
      address: clientAddressOf(http, this.proxies),
      outcome: 'UNLOCKED',
      koperasiId: user?.koperasiId ?? null,
      by: caller.username,
    });
    return { username: body.username, wasLocked };
  }
}
