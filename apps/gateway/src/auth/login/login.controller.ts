import { Body, Controller, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { clientAddressOf, TrustedProxies, type PeerRequest } from '../../http/client-address.js';
import { Public } from '../auth.decorators.js';
import { LoginLockedException } from './login-locked.exception.js';
import { LoginRequest, LoginResponse } from './login.dto.js';
import { LoginService } from './login.service.js';

interface HeaderSetter {
  header(name: string, value: string): void;
}

@ApiTags('auth')
@Controller('auth')
export class LoginController {
  constructor(
    private readonly login: LoginService,
    private readonly proxies: TrustedProxies,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Exchange username and password for an access token' })
  @ApiOkResponse({ type: LoginResponse })
  @ApiUnauthorizedResponse({
    description:
      'unknown user or wrong password (same answer for both); each one answered later than the last',
  })
  @ApiTooManyRequestsResponse({
    description:
      'LOGIN_LOCKED: too many wrong passwords for this username or from this address; Retry-After says when to try again',
  })
  async handle(
    @Body() request: LoginRequest,
    @Req() http: PeerRequest,
    @Res({ passthrough: true }) response: HeaderSetter,
  ): Promise<LoginResponse> {
    try {
      return await this.login.login(
        request.username,
        request.password,
        clientAddressOf(http, this.proxies),
      );
    } catch (error) {
      if (error instanceof LoginLockedException)
        response.header('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }
}
