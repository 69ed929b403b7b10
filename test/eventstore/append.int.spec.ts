import { PostgresEventStore, StreamVersionConflictError } from '@koperasi/eventstore';
import { createTestDatabase, type TestDatabase } from '@koperasi/testing';
import { STORE_MIGRATIONS, context, depositEvent } from './event-store-fixtures.js';

describe('appending to the event store', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('append', STORE_MIGRATIONS);
  });
  afterAll(async () => {
    await db.drop();
  });

  async function versionsOf(streamId: string): Promise<number[]> {
    const { rows } = await db.pool.query<{ stream_version: number }>(
      'SELECT stream_version FROM events WHERE stream_id = $1 ORDER BY stream_version',
      [streamId],
    );
    return rows.map((row) => row.stream_version);
  }

  it('given a new stream, when events are appended at version 0, then they are read back in order with a hash chain', async () => {
    const store = new PostgresEventStore(db.pool);
    const result = await store.append(
      'member-new',
      0,
      [depositEvent(10_000), depositEvent(5_000)],
      context,
    );

    expect(result.nextExpectedVersion).toBe(2);
    const events = await store.readStream('member-new');
    expect(
      events.map((event) => [event.streamVersion, (event.data as { amountRp: number }).amountRp]),
    ).toEqual([
      [1, 10_000],
      [2, 5_000],
    ]);
    expect(events[1].prevHash).toBe(events[0].hash);
    expect(events[0].koperasiId).toBe('kop-test');
  });

  it('given a stream at version 1, when 20 appends race at expected version 1 through one store, then exactly one wins', async () => {
    const store = new PostgresEventStore(db.pool);
    await store.append('member-race', 0, [depositEvent(1)], context);

    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, writer) =>
        store.append('member-race', 1, [depositEvent(100 + writer)], context),
      ),
    );

    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(refused).toHaveLength(19);
    for (const outcome of refused)
      expect(outcome.reason).toBeInstanceOf(StreamVersionConflictError);
    expect(await versionsOf('member-race')).toEqual([1, 2]);
  });

  it('given a stream at version 1, when 20 separate writers (own store and connections) race, then exactly one wins', async () => {
    await new PostgresEventStore(db.pool).append(
      'member-race-processes',
      0,
      [depositEvent(1)],
      context,
    );
    const writers = Array.from({ length: 20 }, () => new PostgresEventStore(db.pool));

    const outcomes = await Promise.allSettled(
      writers.map((writer, index) =>
        writer.append('member-race-processes', 1, [depositEvent(200 + index)], context),
      ),
    );

    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of outcomes.filter((o) => o.status === 'rejected')) {
      expect(outcome.reason).toBeInstanceOf(StreamVersionConflictError);
    }
    expect(await versionsOf('member-race-processes')).toEqual([1, 2]);
  });

  it('given 20 writers creating the same new stream at once, then one creates it and the others get a conflict', async () => {
    const writers = Array.from({ length: 20 }, () => new PostgresEventStore(db.pool));

    const outcomes = await Promise.allSettled(
      writers.map((writer, index) =>
        writer.append('member-created-twice', 0, [depositEvent(300 + index)], context),
      ),
    );

    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of outcomes.filter((o) => o.status === 'rejected')) {
      expect(outcome.reason).toBeInstanceOf(StreamVersionConflictError);
    }
    expect(await versionsOf('member-created-twice')).toEqual([1]);
  });

  it('given a batch where one append conflicts, then the other appends of the batch still commit', async () => {
    const store = new PostgresEventStore(db.pool);
    await store.append('member-busy', 0, [depositEvent(1)], context);

    const [stale, fresh] = await Promise.allSettled([
      store.append('member-busy', 0, [depositEvent(2)], context),
      store.append('member-quiet', 0, [depositEvent(3)], context),
    ]);

    expect(stale.status).toBe('rejected');
    expect(fresh.status).toBe('fulfilled');
    expect(await versionsOf('member-quiet')).toEqual([1]);
  });

  it('given bad arguments, then append refuses before writing', () => {
    const store = new PostgresEventStore(db.pool);
    expect(() => store.append('member-x', -1, [depositEvent(1)], context)).toThrow(/not a version/);
    expect(() => store.append('member-x', 0, [], context)).toThrow(/1 to/);
  });
});
