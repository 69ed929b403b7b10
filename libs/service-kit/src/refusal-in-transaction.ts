import type { CommandReply } from '@koperasi/contracts';

/** Thrown inside a transaction to roll back what it wrote so far and answer `reply` instead. */
export class RefusalInTransaction extends Error {
  constructor(readonly reply: CommandReply<never>) {
    super(reply.ok ? 'refused' : reply.error.message);
  }
}
