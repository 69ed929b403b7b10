import { Injectable } from '@nestjs/common';
import type { CommandReply } from '@koperasi/contracts';
import { StreamVersionConflictError } from '@koperasi/eventstore';
import { isUniqueViolation } from './unique-violation.js';
import { refused } from './command-reply.js';
import { CommandResults } from './command-results.js';

const MAX_ATTEMPTS = 5;
/** Racing writers that retry at once collide again; a random pause spreads them out. */
const MAX_RETRY_PAUSE_MS = 20;

/**
 * Runs a command once per commandId. `attempt` reads, decides and writes in one transaction that also
 * saves the reply (CommandResults.save); a version conflict means someone else moved the stream in between,
 * so the whole attempt runs again on fresh state.
 */
@Injectable()
export class IdempotentCommandExecutor {
  constructor(private readonly results: CommandResults) {}

  async execute<R>(
    commandId: string,
    attempt: () => Promise<CommandReply<R>>,
  ): Promise<CommandReply<R>> {
    const stored = await this.results.find<R>(commandId);
    if (stored) return stored;
    for (let attemptNo = 1; attemptNo <= MAX_ATTEMPTS; attemptNo += 1) {
      try {
        return await attempt();
      } catch (error) {
        // The same command running twice at once: the one that committed first answered for both.
        if (isUniqueViolation(error, 'command_results_pkey')) {
          const first = await this.results.find<R>(commandId);
          if (first) return first;
        }
        if (!(error instanceof StreamVersionConflictError)) throw error;
        await new Promise((resolve) =>
          setTimeout(resolve, Math.random() * MAX_RETRY_PAUSE_MS * attemptNo),
        );
      }
    }
    return refused(
      409,
      'CONCURRENT_UPDATE',
      `The record changed ${MAX_ATTEMPTS} times while this command ran; try again`,
    );
  }
}
