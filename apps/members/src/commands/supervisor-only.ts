import type { CommandEnvelope, CommandReply } from '@koperasi/contracts';
import { checkEnvelope, refused } from '@koperasi/service-kit';

/** The koperasi's bookkeeping is a supervisor's: anyone else is refused with `message`. */
export function supervisorOnly(
  envelope: CommandEnvelope<unknown>,
  message: string,
): CommandReply<never> | null {
  const invalid = checkEnvelope(envelope, 'not-auditor');
  if (invalid) return invalid;
  return envelope.actor.role === 'supervisor' ? null : refused(403, 'FORBIDDEN', message);
}
