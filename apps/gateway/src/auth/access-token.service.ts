import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { UserRole } from '@koperasi/contracts';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway-config.js';
import { ROLES, scopeFitsRole, type AuthenticatedUser } from './authenticated-user.js';
import { ExpiringLru } from './expiring-lru.js';

interface AccessTokenClaims {
  sub: string;
  username: string;
  role: UserRole;
  koperasiId: string | null;
  kotaKabupaten: string | null;
  /** The session (one sign-in) the token belongs to: revoking it ends the token too. */
  sid: string;
  exp?: number;
}

/** What a token says once its signature and shape are checked. */
export interface VerifiedToken {
  user: AuthenticatedUser;
  sessionId: string;
}

/** Tokens whose signature was checked, kept until they expire: a counter sends the same token for minutes. */
const VERIFIED_TOKENS_CACHED = 10_000;

/** Issues and checks HS256 access tokens; the algorithm is pinned so a token cannot choose its own. */
@Injectable()
export class AccessTokenService {
  private readonly verified = new ExpiringLru<string, VerifiedToken>(VERIFIED_TOKENS_CACHED);

  constructor(
    private readonly jwt: JwtService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  get expiresInSeconds(): number {
    return this.config.tokenTtlSeconds;
  }

  issue(user: AuthenticatedUser, sessionId: string): Promise<string> {
    const claims: AccessTokenClaims = {
      sub: user.id,
      username: user.username,
      role: user.role,
      koperasiId: user.koperasiId,
      kotaKabupaten: user.kotaKabupaten ?? null,
      sid: sessionId,
    };
    return this.jwt.signAsync(claims, {
      secret: this.config.jwtSecret,
      algorithm: 'HS256',
      expiresIn: this.config.tokenTtlSeconds,
    });
  }

  /** When a token issued here expires (its exp claim), as an ISO timestamp. */
  expiryOf(token: string): string {
    const claims = this.jwt.decode<{ exp?: unknown } | null>(token);
    const exp =
      typeof claims?.exp === 'number'
        ? claims.exp
        : Math.floor(Date.now() / 1000) + this.config.tokenTtlSeconds;
    return new Date(exp * 1000).toISOString();
  }

  /**
   * The user and session the token names, or null when it is forged, expired or malformed. The signature is
   * checked once per token; whether the session and user are still good is the session check's job.
   */
  async verify(token: string): Promise<VerifiedToken | null> {
    const cached = this.verified.get(token);
    if (cached) return cached;
    try {
      const claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, {
        secret: this.config.jwtSecret,
        algorithms: ['HS256'],
      });
      if (
        typeof claims.sub !== 'string' ||
        typeof claims.sid !== 'string' ||
        typeof claims.exp !== 'number'
      )
        return null;
      if (typeof claims.username !== 'string' || !ROLES.includes(claims.role)) return null;
      const koperasiId = typeof claims.koperasiId === 'string' ? claims.koperasiId : null;
      const kotaKabupaten = typeof claims.kotaKabupaten === 'string' ? claims.kotaKabupaten : null;
      // A token whose scope does not fit its role (staff without a koperasi, ...) was not made by issue().
      if (!scopeFitsRole(claims.role, koperasiId, kotaKabupaten)) return null;
      const user: AuthenticatedUser = {
        id: claims.sub,
        username: claims.username,
        role: claims.role,
        koperasiId,
      };
      const verified = {
        user: kotaKabupaten === null ? user : { ...user, kotaKabupaten },
        sessionId: claims.sid,
      };
      this.verified.set(token, verified, claims.exp * 1000);
      return verified;
    } catch {
      return null;
    }
  }
}
