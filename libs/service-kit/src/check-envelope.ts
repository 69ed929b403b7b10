import type { CommandEnvelope, CommandReply, UserRole } from '@koperasi/contracts';
import { refused } from './command-reply.js';

const ROLES: readonly UserRole[] = ['admin', 'supervisor', 'teller', 'auditor'];
const MAX_ID_LENGTH = 200;

export type Permission = 'admin-only' | 'not-auditor';

/**
 * Refuses an envelope that is malformed or whose actor may not do this. The gateway checks roles as well;
 * the service checks again because anything that can write to the command topic reaches it.
 */
export function checkEnvelope(
  envelope: unknown,
  permission: Permission,
): CommandReply<never> | null {
  const candidate = envelope as Partial<CommandEnvelope<unknown>> | null;
  if (typeof candidate !== 'object' || candidate === null)
    return refused(400, 'INVALID_COMMAND', 'The command is not an object');
  for (const field of ['commandId', 'correlationId'] as const) {
    const value = candidate[field];
    if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_ID_LENGTH) {
      return refused(
        400,
        'INVALID_COMMAND',
        `${field} must be a non-empty string of at most ${MAX_ID_LENGTH} characters`,
      );
    }
  }
  // Empty for a platform admin, who belongs to no koperasi; a member command then finds no member.
  if (typeof candidate.koperasiId !== 'string' || candidate.koperasiId.length > MAX_ID_LENGTH) {
    return refused(
      400,
      'INVALID_COMMAND',
      `koperasiId must be a string of at most ${MAX_ID_LENGTH} characters`,
    );
  }
  const actor = candidate.actor;
  if (typeof actor?.userId !== 'string' || !ROLES.includes(actor.role)) {
    return refused(400, 'INVALID_COMMAND', `actor needs a userId and a role (${ROLES.join(', ')})`);
  }
  if (
    typeof candidate.payload !== 'object' ||
    candidate.payload === null ||
    Array.isArray(candidate.payload)
  ) {
    return refused(400, 'INVALID_COMMAND', 'payload must be an object');
  }
  if (permission === 'admin-only' && actor.role !== 'admin') {
    return refused(403, 'FORBIDDEN', 'Only a platform admin may do this');
  }
  if (permission === 'not-auditor' && actor.role === 'auditor') {
    return refused(403, 'FORBIDDEN', 'Auditors read; they do not record transactions');
  }
  return null;
}
