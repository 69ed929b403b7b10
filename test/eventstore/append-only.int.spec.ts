import { PostgresEventStore, verifyHashChain } from '@koperasi/eventstore';
import { createTestDatabase, type TestDatabase } from '@koperasi/testing';
import { STORE_MIGRATIONS, context, depositEvent } from './event-store-fixtures.js';

describe('the events table is append-only and its hash chain is verifiable', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('append_only', STORE_MIGRATIONS);
    store = new PostgresEventStore(db.pool);
    await store.append(
      'member-a',
      0,
      [depositEvent(10_000), depositEvent(20_000), depositEvent(30_000)],
      context,
    );
    await store.append('member-b', 0, [depositEvent(5_000)], context);
  });
  afterAll(async () => {
    await db.drop();
  });

  it('refuses UPDATE', async () => {
    await expect(
      db.pool.query(`UPDATE events SET type = 'Forged' WHERE stream_id = 'member-a'`),
    ).rejects.toThrow(/append-only: UPDATE is refused/);
  });

  it('refuses DELETE and TRUNCATE', async () => {
    await expect(db.pool.query(`DELETE FROM events WHERE stream_id = 'member-b'`)).rejects.toThrow(
      /append-only: DELETE is refused/,
    );
    await expect(db.pool.query(`TRUNCATE events`)).rejects.toThrow(
      /append-only: TRUNCATE is refused/,
    );
    const { rows } = await db.pool.query('SELECT count(*)::int AS n FROM events');
    expect(rows[0].n).toBe(4);
  });

  it('verifies an untouched history', async () => {
    await expect(verifyHashChain(db.pool)).resolves.toEqual({
      ok: true,
      streamsChecked: 2,
      eventsChecked: 4,
    });
  });

  it('names the stream and version of an event altered behind the triggers', async () => {
    const superuser = await db.pool.connect();
    try {
      await superuser.query('BEGIN');
      await superuser.query('ALTER TABLE events DISABLE TRIGGER events_append_only');
      await superuser.query(
        `UPDATE events SET data = jsonb_set(data, '{amountRp}', '2000000')
         WHERE stream_id = 'member-a' AND stream_version = 2`,
      );
      await superuser.query('ALTER TABLE events ENABLE TRIGGER events_append_only');
      await superuser.query('COMMIT');
    } finally {
      superuser.release();
    }

    const verification = await verifyHashChain(db.pool);

    expect(verification).toMatchObject({ ok: false, streamId: 'member-a', streamVersion: 2 });
    await expect(verifyHashChain(db.pool, { streamId: 'member-b' })).resolves.toMatchObject({
      ok: true,
    });
  });
});
