import { randomBytes, randomUUID } from 'node:crypto';
import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { GATEWAY_CONFIG, type GatewayConfig } from '../../config/gateway-config.js';
import { ApiException } from '../../http/api-exception.js';
import { AccessTokenService } from '../access-token.service.js';
import type { AuthenticatedUser } from '../authenticated-user.js';
import { SessionCheck } from './session-check.js';
import type { SessionTokens } from './session.dto.js';
import { SessionsRepository } from './sessions.repository.js';

/**
 * Sign-in sessions: a short-lived access token (at most 15 minutes) and a refresh token that renews it through a
 * shift. Each refresh token is used once and replaced; one used twice revokes its session.
 */
@Injectable()
export class SessionService {
  private readonly logger = new Logger(SessionService.name);

  constructor(
    private readonly sessions: SessionsRepository,
    private readonly tokens: AccessTokenService,
    private readonly check: SessionCheck,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** A new session for a user whose password (or an admin's bootstrap) was just checked. */
  async start(user: AuthenticatedUser, address: string): Promise<SessionTokens> {
    const sessionId = randomUUID();
    const refreshToken = newRefreshToken();
    const sessionExpiresAt = await this.sessions.start({
      id: sessionId,
      userId: user.id,
      address,
      ttlSeconds: this.config.sessionTtlSeconds,
      refreshToken,
    });
    return this.tokensFor(user, sessionId, refreshToken, sessionExpiresAt);
  }

  /** A fresh access token and the next refresh token, for a refresh token not used before. */
  async refresh(refreshToken: string): Promise<SessionTokens> {
    const next = newRefreshToken();
    const result = await this.sessions.rotate(refreshToken, next);
    if (result.kind === 'rotated') {
      const { session } = result;
      const view: AuthenticatedUser = {
        id: session.userId,
        username: session.username,
        role: session.role,
        koperasiId: session.koperasiId,
      };
      const user =
        session.kotaKabupaten === null ? view : { ...view, kotaKabupaten: session.kotaKabupaten };
      return this.tokensFor(user, session.sessionId, next, session.expiresAt);
    }
    if (result.kind === 'reused') {
      this.check.forgetSession(result.sessionId);
      this.logger.warn(`refresh token of session ${result.sessionId} used twice: session revoked`);
      throw new ApiException(
        HttpStatus.UNAUTHORIZED,
        'REFRESH_TOKEN_REUSED',
        'This sign-in was ended because its refresh token was used twice; sign in again',
      );
    }
    throw new ApiException(
      HttpStatus.UNAUTHORIZED,
      'SESSION_ENDED',
      'The session has ended; sign in again',
    );
  }

  /** Ends the session the refresh token belongs to; an unknown token ends nothing and says so no differently. */
  async logout(refreshToken: string): Promise<void> {
    const sessionId = await this.sessions.revokeByRefreshToken(refreshToken, 'LOGOUT');
    if (sessionId !== null) this.check.forgetSession(sessionId);
  }

  private async tokensFor(
    user: AuthenticatedUser,
    sessionId: string,
    refreshToken: string,
    sessionExpiresAt: Date,
  ): Promise<SessionTokens> {
    const accessToken = await this.tokens.issue(user, sessionId);
    return {
      accessToken,
      expiresIn: this.tokens.expiresInSeconds,
      expiresAt: this.tokens.expiryOf(accessToken),
      refreshToken,
      sessionExpiresAt: sessionExpiresAt.toISOString(),
    };
  }
}

function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}
