import type { CommandMessage } from './batched-kafka-server.js';
import { oneCommandAtATime } from './one-command-at-a-time.js';

describe('oneCommandAtATime', () => {
  const command = (key: string, value: number, name = 'members.cmd.deposit'): CommandMessage => ({
    command: name,
    key,
    value,
  });

  it("runs one key's commands in the order they came, other keys meanwhile, and answers in the batch's order", async () => {
    const started: string[] = [];
    let running = 0;
    let mostAtOnce = 0;
    const handler = oneCommandAtATime(async ({ key, value }) => {
      started.push(`${key}:${String(value)}`);
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      // The first command of member a takes longest: were order per key not kept, a:2 would start before it ends.
      await new Promise((resolve) => setTimeout(resolve, key === 'a' && value === 1 ? 30 : 1));
      running -= 1;
      return `${key}=${String(value)}`;
    });
    const replies = await handler([
      command('a', 1),
      command('b', 1),
      command('a', 2),
      command('b', 2),
      command('a', 3),
    ]);
    expect(replies).toEqual(['a=1', 'b=1', 'a=2', 'b=2', 'a=3']);
    expect(started.filter((entry) => entry.startsWith('a:'))).toEqual(['a:1', 'a:2', 'a:3']);
    expect(started.indexOf('b:2')).toBeLessThan(started.indexOf('a:2'));
    expect(mostAtOnce).toBe(2);
  });

  it('keeps the same key of two commands apart: no order is kept between different commands', async () => {
    const order: string[] = [];
    const handler = oneCommandAtATime(async ({ command: name }) => {
      order.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, name === 'slow' ? 20 : 1));
      order.push(`end ${name}`);
      return name;
    });
    expect(await handler([command('a', 1, 'slow'), command('a', 2, 'fast')])).toEqual([
      'slow',
      'fast',
    ]);
    expect(order.indexOf('end fast')).toBeLessThan(order.indexOf('end slow'));
  });
});
