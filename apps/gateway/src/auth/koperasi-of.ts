import { HttpStatus } from '@nestjs/common';
import { ApiException } from '../http/api-exception.js';
import type { AuthenticatedUser } from './authenticated-user.js';

/** The caller's koperasi, from the token only; the platform admin has none and so may not act inside one. */
export function koperasiOf(user: AuthenticatedUser): string {
  if (user.koperasiId === null) {
    throw new ApiException(HttpStatus.FORBIDDEN, 'FORBIDDEN', 'The platform admin does not belong to a koperasi');
  }
  return user.koperasiId;
}
