import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

/** A refresh token as issued: 32 random bytes, base64url. */
const REFRESH_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export class SessionTokens {
  @ApiProperty({ description: 'send as `Authorization: Bearer <token>`; lives at most 15 minutes' })
  accessToken!: string;
  @ApiProperty({ type: 'integer', description: 'seconds until the access token expires' })
  expiresIn!: number;
  @ApiProperty({
    format: 'date-time',
    example: '2026-11-22T04:15:00.000Z',
    description: 'when the access token expires; refresh before then',
  })
  expiresAt!: string;
  @ApiProperty({
    description:
      'use once with POST /auth/refresh for the next access token (and the next refresh token); keep it secret',
  })
  refreshToken!: string;
  @ApiProperty({
    format: 'date-time',
    description: 'when the session ends whatever the refreshes (a shift); sign in again then',
  })
  sessionExpiresAt!: string;
}

export class RefreshTokenRequest {
  @ApiProperty({ description: 'the refresh token of the last sign-in or refresh' })
  @IsString()
  @Matches(REFRESH_TOKEN, {
    message: 'refreshToken must be a refresh token as the gateway issued it',
  })
  refreshToken!: string;
}
