import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Public } from '../auth.decorators.js';
import { LoginRequest, LoginResponse } from './login.dto.js';
import { LoginService } from './login.service.js';

@ApiTags('auth')
@Controller('auth')
export class LoginController {
  constructor(private readonly login: LoginService) {}

  @Post('login')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Exchange username and password for an access token' })
  @ApiOkResponse({ type: LoginResponse })
  @ApiUnauthorizedResponse({ description: 'unknown user or wrong password (same answer for both)' })
  handle(@Body() request: LoginRequest): Promise<LoginResponse> {
    return this.login.login(request.username, request.password);
  }
}
