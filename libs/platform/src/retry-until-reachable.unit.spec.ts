import { isDatabaseUnreachable, retryUntilReachable } from './retry-until-reachable.js';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('retryUntilReachable', () => {
  it('given two failures, when the third try succeeds, then it answers with it and logged each wait with its try', async () => {
    const warnings: string[] = [];
    let tries = 0;
    const answer = await retryUntilReachable(
      async () => {
        tries += 1;
        if (tries < 3) throw withCode('connect ECONNREFUSED 127.0.0.1:9092', 'ECONNREFUSED');
        return 'connected';
      },
      { what: 'reach Kafka', warn: (message) => warnings.push(message), baseDelayMs: 1 },
    );
    expect(answer).toBe('connected');
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toMatch(
      /could not reach Kafka \(try 2, failing for \d+ ms: .*ECONNREFUSED/,
    );
  });

  it('given an error that is not worth waiting out, then it is thrown at once', async () => {
    const warnings: string[] = [];
    await expect(
      retryUntilReachable(() => Promise.reject(withCode('syntax error', '42601')), {
        what: 'prepare the database',
        warn: (message) => warnings.push(message),
        retryable: isDatabaseUnreachable,
      }),
    ).rejects.toThrow('syntax error');
    expect(warnings).toEqual([]);
  });

  it('given shutdown began, then the failure is thrown instead of another wait', async () => {
    await expect(
      retryUntilReachable(() => Promise.reject(new Error('broker down')), {
        what: 'reach Kafka',
        warn: () => undefined,
        stopped: () => true,
      }),
    ).rejects.toThrow('broker down');
  });
});

describe('isDatabaseUnreachable', () => {
  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a fast shutdown', withCode('terminating connection due to administrator command', '57P01')],
    ['a server starting up', withCode('the database system is starting up', '57P03')],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    ['a pool that waited too long', new Error('timeout exceeded when trying to connect')],
  ])('is true for %s', (_, error) => expect(isDatabaseUnreachable(error)).toBe(true));

  it.each([
    ['a unique violation', withCode('duplicate key value', '23505')],
    ['a serialization failure', withCode('could not serialize access', '40001')],
    ['a plain error', new Error('member not found')],
    ['a thrown string', 'ECONNREFUSED'],
  ])('is false for %s', (_, error) => expect(isDatabaseUnreachable(error)).toBe(false));
});
