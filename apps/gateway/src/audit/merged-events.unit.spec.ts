import type { AuditEvent } from '@koperasi/service-kit';
import { decodeCursor, encodeCursor, mergeStorePages, type StorePage } from './merged-events.js';

function event(transactionId: number, globalPosition: number, occurredAt: string): AuditEvent {
  return {
    transactionId: String(transactionId),
    globalPosition: String(globalPosition),
    eventId: `e-${transactionId}-${globalPosition}`,
    type: 'T',
    schemaVersion: 1,
    streamId: 's',
    streamVersion: 1,
    koperasiId: 'k',
    occurredAt,
    actor: 'u',
    correlationId: 'c',
    causationId: null,
    data: {},
    prevHash: '0',
    hash: '1',
  };
}

describe('mergeStorePages', () => {
  it('interleaves stores by occurredAt and moves each store cursor only past what it took', () => {
    const pages: StorePage[] = [
      {
        service: 'members',
        page: {
          events: [
            event(10, 1, '2026-03-01T01:00:00.000Z'),
            event(11, 2, '2026-03-01T03:00:00.000Z'),
          ],
          nextCursor: '11.2',
        },
      },
      {
        service: 'billpay',
        page: { events: [event(5, 1, '2026-03-01T02:00:00.000Z')], nextCursor: null },
      },
    ];
    const merged = mergeStorePages(pages, { loans: '7.7' }, 2);
    expect(merged.events.map((e) => `${e.service}:${e.globalPosition}`)).toEqual([
      'members:1',
      'billpay:1',
    ]);
    expect(merged.cursors).toEqual({ members: '10.1', billpay: '5.1', loans: '7.7' });
    expect(merged.more).toBe(true);
  });

  it('says there is no more when every store is exhausted and everything was taken', () => {
    const pages: StorePage[] = [
      {
        service: 'members',
        page: { events: [event(1, 1, '2026-03-01T01:00:00.000Z')], nextCursor: null },
      },
      { service: 'loans', page: { events: [], nextCursor: null } },
    ];
    const merged = mergeStorePages(pages, {}, 10);
    expect(merged.events).toHaveLength(1);
    expect(merged.more).toBe(false);
    expect(merged.cursors).toEqual({ members: '1.1' });
  });

  it('keeps a store order even where its occurredAt goes back (commit order wins within a store)', () => {
    const pages: StorePage[] = [
      {
        service: 'members',
        page: {
          events: [
            event(1, 2, '2026-03-01T02:00:00.000Z'),
            event(2, 1, '2026-03-01T01:00:00.000Z'),
          ],
          nextCursor: null,
        },
      },
    ];
    expect(mergeStorePages(pages, {}, 10).events.map((e) => e.globalPosition)).toEqual(['2', '1']);
  });
});

describe('cursor', () => {
  it('round-trips and refuses anything it did not make', () => {
    expect(decodeCursor(encodeCursor({ members: '1.2', billpay: null }))).toEqual({
      members: '1.2',
      billpay: null,
    });
    expect(() => decodeCursor('not-a-cursor')).toThrow();
    expect(() => decodeCursor(encodeCursor({ members: 'drop table' }))).toThrow();
    expect(() => decodeCursor(Buffer.from('{"ledger":"1.1"}').toString('base64url'))).toThrow();
  });
});
