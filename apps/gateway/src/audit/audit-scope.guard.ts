import {
  HttpStatus,
  Injectable,
  createParamDecorator,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { RequestWithUser } from '../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { sameKotaKabupaten } from '../auth/koperasi-of.js';
import { ApiException } from '../http/api-exception.js';
import { MembersQueries } from '../queries/query-clients.js';

/** The koperasi an audit request reads: all the caller may see, or the one `?koperasiId=` names. */
export interface AuditScope {
  koperasiIds: string[];
}

interface AuditRequest extends RequestWithUser {
  query: Record<string, unknown>;
  auditScope?: AuditScope;
}

/**
 * Runs after the global auth guard: works out which koperasi the auditor may read (its own, or every koperasi
 * of its kota/kabupaten as the registry says now) and narrows to `?koperasiId=` when given. A koperasi out of
 * scope is answered 404, exactly like one that does not exist.
 */
@Injectable()
export class AuditScopeGuard implements CanActivate {
  constructor(private readonly members: MembersQueries) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuditRequest>();
    if (!request.user) throw new Error('AuditScopeGuard runs after the auth guard');
    const inScope = await this.koperasiInScope(request.user);
    const requested = request.query.koperasiId;
    if (requested === undefined) {
      request.auditScope = { koperasiIds: inScope };
      return true;
    }
    if (typeof requested !== 'string' || !inScope.includes(requested)) {
      throw new ApiException(HttpStatus.NOT_FOUND, 'NOT_FOUND', 'No such koperasi');
    }
    request.auditScope = { koperasiIds: [requested] };
    return true;
  }

  private async koperasiInScope(user: AuthenticatedUser): Promise<string[]> {
    const city = user.kotaKabupaten;
    if (city !== undefined) {
      const all = await this.members.allKoperasi();
      return all
        .filter((koperasi) => sameKotaKabupaten(koperasi.kotaKabupaten, city))
        .map((koperasi) => koperasi.id);
    }
    return user.koperasiId === null ? [] : [user.koperasiId];
  }
}

/**
 * The one koperasi a per-koperasi report reads (books, the counter's open items): a koperasi auditor's own, or
 * the one a city auditor named; a city auditor who named none is told to.
 */
export function oneKoperasiOf(scope: AuditScope, what: string): string {
  if (scope.koperasiIds.length === 1) return scope.koperasiIds[0];
  throw new ApiException(
    HttpStatus.BAD_REQUEST,
    'VALIDATION_FAILED',
    `Invalid request: name one koperasi of your city with koperasiId; ${what} are kept per koperasi`,
    [{ field: 'koperasiId', problems: ['is required for a city auditor'] }],
  );
}

/** The scope AuditScopeGuard worked out for this request. */
export const InAuditScope = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuditScope => {
    const scope = context.switchToHttp().getRequest<AuditRequest>().auditScope;
    if (!scope) throw new Error('InAuditScope used on a route without AuditScopeGuard');
    return scope;
  },
);
