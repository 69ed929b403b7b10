import { HttpStatus } from '@nestjs/common';
import { ApiException } from '../http/api-exception.js';
import type { AuthenticatedUser } from './authenticated-user.js';

/**
 * The caller's koperasi, from the token only; the platform admin has none and so may not act inside one, and a
 * city auditor has many, which it reads through the audit API.
 */
export function koperasiOf(user: AuthenticatedUser): string {
  if (user.koperasiId !== null) return user.koperasiId;
  if (user.kotaKabupaten !== undefined) {
    throw new ApiException(
      HttpStatus.FORBIDDEN,
      'FORBIDDEN',
      `A city auditor reads the koperasi of ${user.kotaKabupaten} through /audit, naming one with ?koperasiId=`,
    );
  }
  throw new ApiException(
    HttpStatus.FORBIDDEN,
    'FORBIDDEN',
    'The platform admin does not belong to a koperasi',
  );
}

/** Whether the caller may see this koperasi's record: the admin any, a city auditor its city's, staff their own. */
export function canSeeKoperasi(
  user: AuthenticatedUser,
  koperasi: { id: string; kotaKabupaten: string },
): boolean {
  if (user.role === 'admin') return true;
  if (user.kotaKabupaten !== undefined)
    return sameKotaKabupaten(user.kotaKabupaten, koperasi.kotaKabupaten);
  return user.koperasiId === koperasi.id;
}

/** City names as people type them: case and surrounding or doubled spaces do not matter. */
export function sameKotaKabupaten(a: string, b: string): boolean {
  const normal = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();
  return normal(a) === normal(b);
}
