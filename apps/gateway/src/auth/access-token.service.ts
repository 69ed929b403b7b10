import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { UserRole } from '@koperasi/contracts';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway-config.js';
import { ROLES, scopeFitsRole, type AuthenticatedUser } from './authenticated-user.js';

interface AccessTokenClaims {
  sub: string;
  username: string;
  role: UserRole;
  koperasiId: string | null;
  kotaKabupaten: string | null;
}

/** Issues and checks HS256 access tokens; the algorithm is pinned so a token cannot choose its own. */
@Injectable()
export class AccessTokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  get expiresInSeconds(): number {
    return this.config.tokenTtlSeconds;
  }

  issue(user: AuthenticatedUser): Promise<string> {
    const claims: AccessTokenClaims = {
      sub: user.id,
      username: user.username,
      role: user.role,
      koperasiId: user.koperasiId,
      kotaKabupaten: user.kotaKabupaten ?? null,
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
    const exp = typeof claims?.exp === 'number' ? claims.exp : Math.floor(Date.now() / 1000) + this.config.tokenTtlSeconds;
    return new Date(exp * 1000).toISOString();
  }

  /** The user the token names, or null when it is forged, expired or malformed. */
  async verify(token: string): Promise<AuthenticatedUser | null> {
    try {
      const claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, {
        secret: this.config.jwtSecret,
        algorithms: ['HS256'],
      });
      if (typeof claims.sub !== 'string' || !ROLES.includes(claims.role)) return null;
      const koperasiId = typeof claims.koperasiId === 'string' ? claims.koperasiId : null;
      const kotaKabupaten = typeof claims.kotaKabupaten === 'string' ? claims.kotaKabupaten : null;
      // A token whose scope does not fit its role (staff without a koperasi, ...) was not made by issue().
      if (!scopeFitsRole(claims.role, koperasiId, kotaKabupaten)) return null;
      const user: AuthenticatedUser = { id: claims.sub, username: claims.username, role: claims.role, koperasiId };
      return kotaKabupaten === null ? user : { ...user, kotaKabupaten };
    } catch {
      return null;
    }
  }
}
