import type { CommandEnvelope, CommandReply } from '@koperasi/contracts';

/** Sends a command to its service and waits for the reply; the seam the idempotency tests stub. */
export interface CommandSender {
  send<TPayload, TResult>(
    command: string,
    key: string,
    envelope: CommandEnvelope<TPayload>,
  ): Promise<CommandReply<TResult>>;
  /** Whether replies can come back now (for /health/ready). */
  isReady(): boolean;
}

export const COMMAND_SENDER = Symbol('COMMAND_SENDER');

/** No reply in time, or the send itself failed: the command may or may not have been carried out. */
export class CommandOutcomeUnknownError extends Error {
  constructor(command: string, cause: unknown) {
    super(`No reply to ${command}: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = 'CommandOutcomeUnknownError';
  }
}
