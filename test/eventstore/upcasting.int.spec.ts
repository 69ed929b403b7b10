import { UpcasterRegistry } from '@koperasi/contracts';
import { PostgresEventStore, verifyHashChain } from '@koperasi/eventstore';
import { createTestDatabase, type TestDatabase } from '@koperasi/testing';
import { STORE_MIGRATIONS, context } from './event-store-fixtures.js';

describe('reading an event stored at an old schema version', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('upcast', STORE_MIGRATIONS);
  });
  afterAll(async () => {
    await db.drop();
  });

  it('given a v1 MemberRegistered with one name field, when read with the v1->v2 upcaster, then it has the v2 shape', async () => {
    const writer = new PostgresEventStore(db.pool);
    await writer.append(
      'member-old',
      0,
      [
        {
          type: 'MemberRegistered',
          schemaVersion: 1,
          data: { name: 'Siti Rahayu', ktpKelurahan: 'Bendan Kergon' },
        },
      ],
      context,
    );
    const upcasters = new UpcasterRegistry().register({
      type: 'MemberRegistered',
      fromVersion: 1,
      upcast: (data) => {
        const { name, ktpKelurahan } = data as { name: string; ktpKelurahan: string };
        return { fullName: name, kelurahan: ktpKelurahan };
      },
    });

    const [event] = await new PostgresEventStore(db.pool, { upcasters }).readStream('member-old');

    expect(event.schemaVersion).toBe(2);
    expect(event.data).toEqual({ fullName: 'Siti Rahayu', kelurahan: 'Bendan Kergon' });
    const [stored] = await writer.readStream('member-old');
    expect(stored.schemaVersion).toBe(1);
    await expect(verifyHashChain(db.pool)).resolves.toMatchObject({ ok: true, eventsChecked: 1 });
  });
});
