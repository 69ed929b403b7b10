import type { UserRole } from '@koperasi/contracts';

/** Who is calling, as the access token says; the only source of the caller's koperasi. */
export interface AuthenticatedUser {
  id: string;
  username: string;
  role: UserRole;
  koperasiId: string | null;
}

/** A caller bound to a koperasi (supervisor, teller, auditor); the guards make sure admins never get here. */
export interface KoperasiUser extends AuthenticatedUser {
  koperasiId: string;
}

export const ROLES: readonly UserRole[] = ['admin', 'supervisor', 'teller', 'auditor'];
export const STAFF_ROLES = ['supervisor', 'teller', 'auditor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
