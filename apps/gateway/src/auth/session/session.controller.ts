import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Public } from '../auth.decorators.js';
import { RefreshTokenRequest, SessionTokens } from './session.dto.js';
import { SessionService } from './session.service.js';

/** Renewing and ending a sign-in; the refresh token is the credential, so an expired access token does not matter. */
@ApiTags('auth')
@Controller('auth')
export class SessionController {
  constructor(private readonly sessions: SessionService) {}

  @Post('refresh')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Exchange a refresh token (used once) for a new access token and the next refresh token',
  })
  @ApiOkResponse({ type: SessionTokens })
  @ApiBadRequestResponse({ description: 'refreshToken is missing or not a refresh token' })
  @ApiUnauthorizedResponse({
    description:
      'SESSION_ENDED: unknown token, logged out, past the end of the shift, the user disabled or its password changed; ' +
      'REFRESH_TOKEN_REUSED: the token was used before, so the whole session is revoked',
  })
  refresh(@Body() request: RefreshTokenRequest): Promise<SessionTokens> {
    return this.sessions.refresh(request.refreshToken);
  }

  @Post('logout')
  @Public()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'End the session of this refresh token: its access and refresh tokens stop working',
  })
  @ApiNoContentResponse({ description: 'the session is ended (also when it had ended before)' })
  @ApiBadRequestResponse({ description: 'refreshToken is missing or not a refresh token' })
  async logout(@Body() request: RefreshTokenRequest): Promise<void> {
    await this.sessions.logout(request.refreshToken);
  }
}
