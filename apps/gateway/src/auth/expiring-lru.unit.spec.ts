import { ExpiringLru } from './expiring-lru.js';

describe('ExpiringLru', () => {
  it('holds at most its capacity, dropping the least recently used first', () => {
    const cache = new ExpiringLru<string, number>(2);
    cache.set('a', 1, 1_000);
    cache.set('b', 2, 1_000);
    expect(cache.get('a', 0)).toBe(1);
    cache.set('c', 3, 1_000);
    expect([cache.get('a', 0), cache.get('b', 0), cache.get('c', 0)]).toEqual([1, undefined, 3]);
    expect(cache.size).toBe(2);
  });

  it('never returns an entry at or past its expiry, and forgets it', () => {
    const cache = new ExpiringLru<string, number>(10);
    cache.set('a', 1, 100);
    expect(cache.get('a', 99)).toBe(1);
    expect(cache.get('a', 100)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('drops every entry a predicate picks', () => {
    const cache = new ExpiringLru<string, { userId: string }>(10);
    cache.set('s1', { userId: 'u1' }, 1_000);
    cache.set('s2', { userId: 'u2' }, 1_000);
    cache.set('s3', { userId: 'u1' }, 1_000);
    cache.deleteWhere((value) => value.userId === 'u1');
    expect([cache.get('s1', 0), cache.get('s2', 0), cache.get('s3', 0)]).toEqual([
      undefined,
      { userId: 'u2' },
      undefined,
    ]);
  });
});
