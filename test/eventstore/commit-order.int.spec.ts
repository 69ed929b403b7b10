import { PostgresEventStore, START_OF_LOG } from '@koperasi/eventstore';
import { readAuditEvents } from '@koperasi/service-kit';
import { createTestDatabase, type TestDatabase } from '@koperasi/testing';
import { STORE_MIGRATIONS } from './event-store-fixtures.js';

/**
 * Transaction ids are numbers, and read as text they sort '10' before '9'. The reads select them as text
 * (JSON has no 64-bit integer) under the column's own name, so an ORDER BY that named the output column would
 * page in text order: the relay and the auditors' pages would repeat or skip events once the server's
 * transaction ids gain a digit. Rows with ids 9 and 10 written here make that visible.
 */
describe('commit order across a transaction id that gains a digit', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('commit_order', STORE_MIGRATIONS);
    for (const [transactionId, streamId] of [
      ['9', 'member-a'],
      ['10', 'member-b'],
      ['11', 'member-c'],
    ]) {
      await db.pool.query(
        `INSERT INTO events (transaction_id, stream_id, stream_version, event_id, type, schema_version, data, metadata, occurred_at, prev_hash, hash)
         VALUES ($1::xid8, $2, 1, gen_random_uuid(), 'MemberRegistered', 1, '{}', $3, now(), '0', '1')`,
        [
          transactionId,
          streamId,
          {
            koperasiId: 'kop-1',
            actor: 'teller-1',
            correlationId: `corr-${streamId}`,
            causationId: null,
          },
        ],
      );
    }
  });
  afterAll(async () => {
    await db.drop();
  });

  it('given ids 9, 10 and 11, when the relay reads a page at a time, then it gets each event once, 9 first', async () => {
    const store = new PostgresEventStore(db.pool);
    const read: string[] = [];
    let checkpoint = START_OF_LOG;
    for (let page = 0; page < 5; page++) {
      const next = await store.readAll(checkpoint, 2);
      read.push(...next.events.map((event) => event.streamId));
      checkpoint = next.checkpoint;
      if (next.events.length === 0) break;
    }
    expect(read).toEqual(['member-a', 'member-b', 'member-c']);
  });

  // One koperasi is read from its own index range; a city's many koperasi with the koperasi as a filter.
  it.each([
    ['one koperasi', ['kop-1']],
    [
      'a city of twelve',
      ['kop-1', ...Array.from({ length: 11 }, (_, index) => `kop-city-${index}`)],
    ],
  ])(
    'given the same events, when an auditor of %s pages through them one at a time, then each comes once in commit order',
    async (_scope, koperasiIds) => {
      const read: string[] = [];
      let after = { transactionId: '0', globalPosition: '0' };
      for (let page = 0; page < 5; page++) {
        const next = await readAuditEvents(
          db.pool,
          { koperasiIds, types: null, from: null, to: null, correlationId: null, after },
          1,
        );
        read.push(...next.events.map((event) => event.streamId));
        if (next.nextCursor === null) break;
        const last = next.events[next.events.length - 1];
        after = { transactionId: last.transactionId, globalPosition: last.globalPosition };
      }
      expect(read).toEqual(['member-a', 'member-b', 'member-c']);
    },
  );

  it('given a correlation id, then only its events come', async () => {
    const page = await readAuditEvents(
      db.pool,
      {
        koperasiIds: ['kop-1'],
        types: null,
        from: null,
        to: null,
        correlationId: 'corr-member-b',
        after: { transactionId: '0', globalPosition: '0' },
      },
      100,
    );
    expect(page.events.map((event) => event.streamId)).toEqual(['member-b']);
  });
});
