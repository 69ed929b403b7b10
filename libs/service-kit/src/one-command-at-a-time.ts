import type { BatchCommandHandler, CommandMessage } from './batched-kafka-server.js';

/**
 * A batch handler made of a handler of one command: the batch's keys at once, each key's commands in turn,
 * so commands on one aggregate still run in the order they were sent.
 */
export function oneCommandAtATime(
  handle: (command: CommandMessage) => Promise<unknown>,
): BatchCommandHandler {
  return async (commands) => {
    const replies = new Array<unknown>(commands.length);
    const byKey = new Map<string, number[]>();
    commands.forEach(({ command, key }, index) => {
      const sameKey = `${command}\u0000${key}`;
      const positions = byKey.get(sameKey);
      if (positions) positions.push(index);
      else byKey.set(sameKey, [index]);
    });
    await Promise.all(
      [...byKey.values()].map(async (positions) => {
        for (const index of positions) replies[index] = await handle(commands[index]);
      }),
    );
    return replies;
  };
}
