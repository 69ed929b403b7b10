import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { UserRole } from '@koperasi/contracts';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway-config.js';
import { ROLES, type AuthenticatedUser } from './authenticated-user.js';

interface AccessTokenClaims {
  sub: string;
  username: string;
  role: UserRole;
  koperasiId: string | null;
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
    const claims: AccessTokenClaims = { sub: user.id, username: user.username, role: user.role, koperasiId: user.koperasiId };
    return this.jwt.signAsync(claims, {
      secret: this.config.jwtSecret,
      algorithm: 'HS256',
      expiresIn: this.config.tokenTtlSeconds,
    });
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
      // A staff token without a koperasi (or an admin token with one) was not made by issue().
      if ((claims.role === 'admin') !== (koperasiId === null)) return null;
      return { id: claims.sub, username: claims.username, role: claims.role, koperasiId };
    } catch {
      return null;
    }
  }
}
