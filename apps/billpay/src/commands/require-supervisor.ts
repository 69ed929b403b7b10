import type { CommandEnvelope, CommandReply } from '@koperasi/contracts';
import { isUuid, refused } from '@koperasi/service-kit';

/** Refunds and top-ups move the koperasi's own money: a supervisor of that koperasi approves them. */
export function requireSupervisor(envelope: CommandEnvelope<unknown>): CommandReply<never> | null {
  if (envelope.actor.role !== 'supervisor')
    return refused(403, 'FORBIDDEN', 'Only a supervisor may do this');
  if (!isUuid(envelope.koperasiId))
    return refused(403, 'FORBIDDEN', 'This is done inside a koperasi');
  return null;
}
