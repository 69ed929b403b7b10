import { CombinedWrite } from './combined-write.js';

type Db = Parameters<CombinedWrite['run']>[0];

/** Records what would be sent: the text is the point here; the int specs of its users run it on PostgreSQL. */
function recorder(): { db: Db; sent: { text: string; values: unknown[] }[] } {
  const sent: { text: string; values: unknown[] }[] = [];
  const db = {
    query: async (text: string, values: unknown[]) => void sent.push({ text, values }),
  } as unknown as Db;
  return { db, sent };
}

describe('CombinedWrite', () => {
  it('sends its statements as the CTEs of one, each parameter renumbered after those before it', async () => {
    const { db, sent } = recorder();
    const write = new CombinedWrite();
    write.add('INSERT INTO a (x, y) SELECT * FROM unnest($1::int[], $2::text[])', [[1], ['p']]);
    write.add('UPDATE b SET z = $2 WHERE id = $1', ['b1', 7]);
    write.notify('events_appended');

    await write.run(db);

    expect(sent).toEqual([
      {
        text:
          'WITH w0 AS (INSERT INTO a (x, y) SELECT * FROM unnest($1::int[], $2::text[])),\n' +
          'w1 AS (UPDATE b SET z = $4 WHERE id = $3)\n' +
          "SELECT pg_notify($5, '')",
        values: [[1], ['p'], 'b1', 7, 'events_appended'],
      },
    ]);
  });

  it('sends nothing when nothing was added, and starts empty again after a run', async () => {
    const { db, sent } = recorder();
    const write = new CombinedWrite();
    await write.run(db);
    write.add('DELETE FROM c WHERE id = $1', ['c1']);
    await write.run(db);
    await write.run(db);

    expect(sent.map(({ values }) => values)).toEqual([['c1']]);
  });

  it('refuses a text ending its statement with a semicolon, and a parameter without a value', async () => {
    const write = new CombinedWrite();
    expect(() => write.add('DELETE FROM c; DELETE FROM d;', [])).toThrow(/one/);
    write.add('DELETE FROM c WHERE id = $2', ['c1']);
    await expect(write.run(recorder().db)).rejects.toThrow('$2 has no value');
  });
});
