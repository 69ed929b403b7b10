import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@koperasi/testing';
import { startingChartOfAccounts, type JournalEntry } from '../src/domain/index.js';
import { writeJournal } from '../src/posting/journal-writer.js';
import { JOURNAL_SUMS_AS_OF } from '../src/queries/journal-sums.js';
import { trialBalanceOf } from '../src/queries/trial-balance/trial-balance.query.js';
import { ACCOUNT_DAYS_FROM_JOURNAL } from '../src/schema/ledger-account-days.migration.js';
import { LEDGER_MIGRATIONS } from '../src/schema/ledger-migrations.js';
import { WHOLE_JOURNAL_SUMS_AS_OF } from './whole-journal-sums.js';

const KOPERASI = ['kop-days-a', 'kop-days-b'];
const DAY_MS = 24 * 3600 * 1000;
/** Midnight WIB of the first day of the history (17:00 UTC the day before). */
const FIRST_MIDNIGHT_MS = Date.parse('2026-03-01T17:00:00Z');
const DAYS = 20;
const ENTRIES = 1_200;
const BATCH = 50;
const AS_OF_PICKS = 150;
const ACCOUNTS = startingChartOfAccounts.map((account) => account.code);

/** A small seeded generator (mulberry32): a failure names its seed and can be run again exactly. */
function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('books as of any time: closed WIB days from account_day_balances plus the day of the cut-off', () => {
  const seed = Number(process.env.ACCOUNT_DAYS_SEED ?? Date.now() % 1_000_000);
  const random = randomFrom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  let db: TestDatabase;
  /** Event times of the history, with midnights and the millisecond before them among them. */
  const times: number[] = [];

  function entryAt(occurredMs: number): JournalEntry {
    const debitAccount = pick(ACCOUNTS);
    const creditAccount = pick(ACCOUNTS.filter((code) => code !== debitAccount));
    const amountRp = 1 + Math.floor(random() * 5_000_000);
    return {
      sourceEventId: randomUUID(),
      koperasiId: pick(KOPERASI),
      occurredAt: new Date(occurredMs).toISOString(),
      description: 'acak',
      lines: [
        { accountCode: debitAccount, debitRp: amountRp, creditRp: 0 },
        { accountCode: creditAccount, debitRp: 0, creditRp: amountRp },
      ],
      trace: {
        service: 'members',
        eventType: 'Random',
        streamId: 'random',
        streamVersion: 1,
        actor: 'test',
        correlationId: randomUUID(),
        causationId: null,
      },
    };
  }

  async function sums(sql: string, koperasiId: string, asOf: Date): Promise<unknown[]> {
    const { rows } = await db.pool.query(`SELECT * FROM (${sql}) sums ORDER BY account_code`, [
      koperasiId,
      asOf,
    ]);
    return rows;
  }

  beforeAll(async () => {
    db = await createTestDatabase('ledger_days', LEDGER_MIGRATIONS);
    for (let index = 0; index < ENTRIES; index++) {
      const day = Math.floor(random() * DAYS);
      const midnightMs = FIRST_MIDNIGHT_MS + day * DAY_MS;
      const edge = random();
      times.push(
        edge < 0.05
          ? midnightMs
          : edge < 0.1
            ? midnightMs - 1
            : midnightMs + Math.floor(random() * DAY_MS),
      );
    }
    // Batches in arbitrary time order, as late events reach the ledger: a day's sums grow after later days'.
    for (let start = 0; start < times.length; start += BATCH) {
      const client = await db.pool.connect();
      try {
        await client.query('BEGIN');
        const batch = times.slice(start, start + BATCH).map(entryAt);
        // One event of the batch delivered twice: booked once, its day summed once.
        await writeJournal(client, [...batch, batch[0]]);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    }
  }, 120_000);

  afterAll(async () => {
    await db?.drop();
  });

  it(`given a random history, then the books as of random times equal the whole journal summed (seed ${seed})`, async () => {
    const picks: number[] = [
      FIRST_MIDNIGHT_MS - 1,
      FIRST_MIDNIGHT_MS,
      FIRST_MIDNIGHT_MS + DAYS * DAY_MS,
      ...Array.from({ length: 10 }, () => pick(times)),
      ...Array.from({ length: 10 }, () => pick(times) - 1),
    ];
    while (picks.length < AS_OF_PICKS)
      picks.push(FIRST_MIDNIGHT_MS - DAY_MS + Math.floor(random() * (DAYS + 2) * DAY_MS));
    let nonEmpty = 0;
    for (const asOfMs of picks) {
      const koperasiId = pick(KOPERASI);
      const asOf = new Date(asOfMs);
      const expected = await sums(WHOLE_JOURNAL_SUMS_AS_OF, koperasiId, asOf);
      expect({
        asOf: asOf.toISOString(),
        sums: await sums(JOURNAL_SUMS_AS_OF, koperasiId, asOf),
      }).toEqual({
        asOf: asOf.toISOString(),
        sums: expected,
      });
      if (expected.length > 0) nonEmpty += 1;
    }
    expect(nonEmpty).toBeGreaterThan(AS_OF_PICKS / 2);
  });

  it('given the whole history, then the trial balance as of after its last event is the running balances', async () => {
    for (const koperasiId of KOPERASI) {
      const after = await trialBalanceOf(
        db.pool,
        koperasiId,
        new Date(FIRST_MIDNIGHT_MS + DAYS * DAY_MS),
      );
      const now = await trialBalanceOf(db.pool, koperasiId, null);
      expect(after.lines).toEqual(now.lines);
      expect(after.totalDebit).toBe(after.totalCredit);
      expect(after.lines.length).toBeGreaterThan(0);
    }
  });

  it('given the day sums rebuilt from the journal (as the migration and a replay do), then they are the rows the writer kept', async () => {
    const kept = (await db.pool.query('SELECT * FROM account_day_balances ORDER BY 1, 2, 3')).rows;
    expect(kept.length).toBeGreaterThan(DAYS);
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('DELETE FROM account_day_balances');
      await client.query(ACCOUNT_DAYS_FROM_JOURNAL);
      const rebuilt = (await client.query('SELECT * FROM account_day_balances ORDER BY 1, 2, 3'))
        .rows;
      await client.query('ROLLBACK');
      expect(rebuilt).toEqual(kept);
    } finally {
      client.release();
    }
  });
});
