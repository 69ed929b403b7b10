import {
  HttpStatus,
  Injectable,
  type CanActivate,
  type ExecutionContext,
  type Type,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { UserRole } from '@koperasi/contracts';
import { HealthController, MetricsController } from '@koperasi/platform';
import { ApiException } from '../http/api-exception.js';
import { AccessTokenService } from './access-token.service.js';
import {
  ALLOWED_ROLES,
  PUBLIC_ROUTE,
  READ_ONLY_JOB,
  type RequestWithUser,
} from './auth.decorators.js';
import { SessionCheck } from './session/session-check.js';

interface HttpRequest extends RequestWithUser {
  method: string;
  headers: Record<string, string | string[] | undefined>;
}

// Probes and scrapers call these without tokens; they are not part of /api/v1.
const UNAUTHENTICATED_CONTROLLERS: Type[] = [HealthController, MetricsController];

/**
 * Global guard: a valid bearer token of a live session on every route except the public ones (login, refresh,
 * logout) and the platform probes (401 otherwise), then the route's @Roles (403 otherwise). An auditor never writes, whatever a route says; it may only start
 * read-only jobs (@ReadOnlyJob).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
    private readonly sessions: SessionCheck,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    if (UNAUTHENTICATED_CONTROLLERS.includes(context.getClass())) return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<HttpRequest>();
    const token = bearerToken(request.headers.authorization);
    const verified = token ? await this.tokens.verify(token) : null;
    if (!verified)
      throw new ApiException(
        HttpStatus.UNAUTHORIZED,
        'UNAUTHORIZED',
        'A valid bearer token is required',
      );
    if (!(await this.sessions.accepts(verified))) {
      throw new ApiException(
        HttpStatus.UNAUTHORIZED,
        'SESSION_ENDED',
        'The session has ended (signed out, disabled or a new password); sign in again',
      );
    }
    const { user } = verified;
    request.user = user;

    const allowed =
      this.reflector.getAllAndOverride<UserRole[] | undefined>(ALLOWED_ROLES, targets) ?? [];
    const isWrite =
      request.method !== 'GET' &&
      request.method !== 'HEAD' &&
      !this.reflector.get<boolean | undefined>(READ_ONLY_JOB, context.getHandler());
    if (!allowed.includes(user.role) || (user.role === 'auditor' && isWrite)) {
      throw new ApiException(
        HttpStatus.FORBIDDEN,
        'FORBIDDEN',
        `The ${user.role} role may not do this`,
      );
    }
    return true;
  }
}

function bearerToken(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : null;
}
