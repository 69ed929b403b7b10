import { Body, Controller, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiException } from '../../http/api-exception.js';
import { clientAddressOf, TrustedProxies, type PeerRequest } from '../../http/client-address.js';
import { CurrentUser, Roles } from '../auth.decorators.js';
import type { AuthenticatedUser } from '../authenticated-user.js';
import { LoginThrottle } from '../login/login-throttle.js';
import { hashPassword, verifyPassword } from '../password-hasher.js';
import { SessionCheck } from '../session/session-check.js';
import { SessionTokens } from '../session/session.dto.js';
import { SessionService } from '../session/session.service.js';
import { ChangePasswordRequest } from './change-password.dto.js';
import { UsersRepository } from '../users.repository.js';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth')
export class ChangePasswordController {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionService,
    private readonly check: SessionCheck,
    private readonly throttle: LoginThrottle,
    private readonly proxies: TrustedProxies,
  ) {}

  /**
   * A new password ends every session of the user, on every counter (a password seen by someone else is
   * changed to lock them out); the caller gets a fresh session so it carries on where it is. A wrong current
   * password counts as a failed sign-in, so a stolen token cannot guess it.
   */
  @Post('password')
  @Roles('admin', 'supervisor', 'teller')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      "Change one's own password: every other session ends; the answer is a new session for this one",
  })
  @ApiOkResponse({ type: SessionTokens })
  @ApiBadRequestResponse({
    description: 'newPassword is shorter than 10 characters or the same as the current one',
  })
  @ApiForbiddenResponse({ description: 'WRONG_PASSWORD: currentPassword is not the password' })
  async change(
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: ChangePasswordRequest,
    @Req() http: PeerRequest,
  ): Promise<SessionTokens> {
    const address = clientAddressOf(http, this.proxies);
    const user = await this.users.findById(caller.id);
    if (!user || !(await verifyPassword(body.currentPassword, user.passwordHash))) {
      await this.throttle.recordFailure(caller.username, address);
      throw new ApiException(
        HttpStatus.FORBIDDEN,
        'WRONG_PASSWORD',
        'The current password is wrong',
        [{ field: 'currentPassword', problems: ['is not the password of this user'] }],
      );
    }
    if (body.newPassword === body.currentPassword) {
      throw new ApiException(
        HttpStatus.BAD_REQUEST,
        'VALIDATION_FAILED',
        'Invalid request: check newPassword',
        [{ field: 'newPassword', problems: ['must differ from the current password'] }],
      );
    }
    await this.users.changePassword(user.id, await hashPassword(body.newPassword));
    this.check.forgetUser(user.id);
    return this.sessions.start(caller, address);
  }
}
