import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { UserRole } from '@koperasi/contracts';
import type { AuthenticatedUser } from './authenticated-user.js';

export const PUBLIC_ROUTE = 'gateway:public';
export const ALLOWED_ROLES = 'gateway:roles';
export const READ_ONLY_JOB = 'gateway:read-only-job';

/** The one kind of route that needs no token (login). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/**
 * A POST that starts a job which only reads (an audit replay): the one kind of non-GET an auditor may call.
 * Everything else an auditor sends besides GET is refused, whatever its @Roles say.
 */
export const ReadOnlyJob = (): MethodDecorator => SetMetadata(READ_ONLY_JOB, true);

/** Who may call a route; a route without @Roles is refused to everyone, so a forgotten decorator fails closed. */
export const Roles = (...roles: UserRole[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ALLOWED_ROLES, roles);

export interface RequestWithUser {
  user?: AuthenticatedUser;
}

/** The caller the auth guard verified. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser => {
    const user = context.switchToHttp().getRequest<RequestWithUser>().user;
    if (!user) throw new Error('CurrentUser used on a route the auth guard did not check');
    return user;
  },
);
