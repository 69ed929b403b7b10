import type { UserRole } from '@koperasi/contracts';

/** Who is calling, as the access token says; the only source of the caller's koperasi. */
export interface AuthenticatedUser {
  id: string;
  username: string;
  role: UserRole;
  koperasiId: string | null;
  /** A city auditor's kota/kabupaten: it reads every koperasi there and has no koperasiId. */
  kotaKabupaten?: string;
}

/** A caller bound to a koperasi (supervisor, teller, auditor); the guards make sure admins never get here. */
export interface KoperasiUser extends AuthenticatedUser {
  koperasiId: string;
}

/**
 * Who reads and writes where: the admin nowhere in particular, staff in one koperasi, an auditor either in one
 * koperasi or in every koperasi of one kota/kabupaten (a city auditor). The users table holds the same rule.
 */
export function scopeFitsRole(
  role: UserRole,
  koperasiId: string | null,
  kotaKabupaten: string | null,
): boolean {
  if (role === 'admin') return koperasiId === null && kotaKabupaten === null;
  if (role === 'auditor') return (koperasiId === null) !== (kotaKabupaten === null);
  return koperasiId !== null && kotaKabupaten === null;
}

export const ROLES: readonly UserRole[] = ['admin', 'supervisor', 'teller', 'auditor'];
export const STAFF_ROLES = ['supervisor', 'teller', 'auditor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
