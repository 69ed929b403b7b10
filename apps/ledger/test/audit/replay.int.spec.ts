import { waitFor } from '@koperasi/testing';
import {
  runReplay,
  verifyStores,
  type ReplayOptions,
  type ReplayResult,
} from '../../src/audit/index.js';
import { SOURCE_SERVICES, businessDateWib } from '../../src/domain/index.js';
import { LedgerTestApp } from '../ledger-test-app.js';
import { AuditHistoryFixture } from './audit-history-fixture.js';

describe('audit replay: the books rebuilt from the history equal the live books, or each difference is named', () => {
  const ledger = new LedgerTestApp();
  const history = new AuditHistoryFixture();
  const totalEvents = 3_000;

  beforeAll(async () => {
    await ledger.start();
    // A generated mixed history: registrations and savings, PPOB with pending, failures and refunds,
    // installments and daily remittances (some rejected), published by the relay to the topics the live
    // ledger consumes.
    await history.create({
      events: totalEvents,
      koperasiCount: 4,
      publish: true,
      publishTo: { kafka: ledger.kafka, topics: ledger.topics },
    });
    await waitFor(
      'the live ledger to post the whole history',
      async () => {
        for (const service of SOURCE_SERVICES) if (!(await ledger.caughtUp(service))) return false;
        return true;
      },
      120_000,
    );
  }, 240_000);

  afterAll(async () => {
    await ledger.close();
    await history.drop();
  });

  const replay = (overrides: Partial<ReplayOptions> = {}): Promise<ReplayResult> =>
    runReplay({
      source: 'stores',
      ledgerDatabaseUrl: ledger.db.url,
      stores: history.stores(),
      kafka: history.kafka,
      ...overrides,
    });

  async function oneLine(where: string): Promise<{
    entry_id: string;
    line_no: number;
    koperasi_id: string;
    account_code: string;
    source_event_id: string;
  }> {
    const { rows } = await ledger.db.pool.query(
      `SELECT l.entry_id, l.line_no, l.koperasi_id, l.account_code, e.source_event_id FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
       WHERE ${where} ORDER BY l.entry_id LIMIT 1`,
    );
    return rows[0];
  }

  it('given a mixed history the live ledger posted, when replayed from the event stores, then the books are identical and live is untouched', async () => {
    const before = await ledger.booksSnapshot();

    // Small pages, so the read crosses many page boundaries (and positions 999 to 1000).
    const result = await replay({ pageSize: 250 });

    expect(result.comparison).toEqual({
      identical: true,
      entries: { missingInLive: 0, extraInLive: 0, different: 0, listed: [] },
      postedAfterReplayBegan: 0,
      accounts: [],
      members: [],
      cashByTellerDay: [],
      accountDays: { comparedByKoperasi: expect.any(Object), beforeDay: null, differences: [] },
    });
    const { rows: days } = await ledger.db.pool.query(
      'SELECT koperasi_id, count(*)::int AS n FROM account_day_balances GROUP BY 1',
    );
    expect(result.comparison.accountDays.comparedByKoperasi).toEqual(
      Object.fromEntries(days.map((row) => [row.koperasi_id, row.n])),
    );
    expect(result.identical).toBe(true);
    expect(result.events).toBe(totalEvents);
    const { rows } = await ledger.db.pool.query('SELECT count(*)::int AS n FROM journal_entries');
    expect(result.entries).toBe(rows[0].n);
    expect(result.entries).toBeGreaterThan(totalEvents / 2);
    expect(result.unpostable).toEqual([]);
    expect(await ledger.booksSnapshot()).toEqual(before);
    const { rows: schemas } = await ledger.db.pool.query(
      `SELECT nspname FROM pg_namespace WHERE nspname LIKE 'replay_%'`,
    );
    expect(schemas).toEqual([]);
  });

  it('given the same history on Kafka, when replayed from the topics, then the books are identical and the throwaway group is gone', async () => {
    const result = await replay({ source: 'kafka' });

    expect(result.identical).toBe(true);
    expect(result.events).toBe(totalEvents);
    const admin = ledger.kafka.admin();
    await admin.connect();
    const { groups } = await admin.listGroups();
    await admin.disconnect();
    expect(groups.filter((group) => group.groupId.startsWith('audit-replay'))).toEqual([]);
  });

  it('given one journal line changed in the live ledger, then replay reports exactly that account and that entry', async () => {
    const line = await oneLine(`l.account_code = '213000' AND l.credit_rp > 0`);
    await ledger.db.pool.query(
      'UPDATE journal_lines SET credit_rp = credit_rp + 1000 WHERE entry_id = $1 AND line_no = $2',
      [line.entry_id, line.line_no],
    );
    try {
      const result = await replay();

      expect(result.identical).toBe(false);
      expect(result.comparison.accounts).toEqual([
        {
          koperasiId: line.koperasi_id,
          accountCode: '213000',
          tellerId: null,
          rebuilt: expect.any(Object),
          liveJournal: {
            debitRp: result.comparison.accounts[0].rebuilt.debitRp,
            creditRp: result.comparison.accounts[0].rebuilt.creditRp + 1000,
          },
          // The running balance was not touched: only the journal disagrees with the history.
          liveBalance: result.comparison.accounts[0].rebuilt,
          eventIds: [line.source_event_id],
        },
      ]);
      expect(result.comparison.entries).toEqual({
        missingInLive: 0,
        extraInLive: 0,
        different: 1,
        listed: [
          {
            sourceEventId: line.source_event_id,
            koperasiId: line.koperasi_id,
            kind: 'different',
            fields: [`line ${line.line_no}: credit_rp`],
          },
        ],
      });
      expect(result.comparison.members).toEqual([]);
      expect(result.comparison.cashByTellerDay).toEqual([]);
    } finally {
      await ledger.db.pool.query(
        'UPDATE journal_lines SET credit_rp = credit_rp - 1000 WHERE entry_id = $1 AND line_no = $2',
        [line.entry_id, line.line_no],
      );
    }
  });

  it('given one day sum changed in the live ledger behind the journal writer, then replay reports exactly that koperasi, account and day, live against rebuilt', async () => {
    const { rows } = await ledger.db.pool.query(
      `SELECT koperasi_id, account_code, business_date::text AS business_date, debit_rp, credit_rp FROM account_day_balances
       WHERE debit_rp > 0 ORDER BY koperasi_id, business_date, account_code LIMIT 1`,
    );
    const day = rows[0];
    const where = 'koperasi_id = $1 AND account_code = $2 AND business_date = $3';
    const key = [day.koperasi_id, day.account_code, day.business_date];
    await ledger.db.pool.query(
      `UPDATE account_day_balances SET debit_rp = debit_rp + 700 WHERE ${where}`,
      key,
    );
    try {
      const result = await replay();

      expect(result.identical).toBe(false);
      expect(result.comparison.accountDays.differences).toEqual([
        {
          koperasiId: day.koperasi_id,
          accountCode: day.account_code,
          businessDate: day.business_date,
          rebuilt: { debitRp: Number(day.debit_rp), creditRp: Number(day.credit_rp) },
          live: { debitRp: Number(day.debit_rp) + 700, creditRp: Number(day.credit_rp) },
        },
      ]);
      // The journal and the running sums still agree with the history: only what the as-of reports read is wrong.
      expect(result.comparison.entries.listed).toEqual([]);
      expect(result.comparison.accounts).toEqual([]);
      expect(result.comparison.members).toEqual([]);
      expect(result.comparison.cashByTellerDay).toEqual([]);
    } finally {
      await ledger.db.pool.query(
        `UPDATE account_day_balances SET debit_rp = debit_rp - 700 WHERE ${where}`,
        key,
      );
    }
  });

  it('given a deposit altered in the members store behind the triggers, then verify names its stream and version and replay names the books it changes', async () => {
    const { rows } = await history.pool('members').query(
      `SELECT event_id, stream_id, stream_version, data, metadata->>'koperasiId' AS koperasi_id FROM events
       WHERE type = 'SimpananSukarelaDeposited' ORDER BY global_position LIMIT 1`,
    );
    const victim = rows[0];
    const { memberId, tellerId, amountRp } = victim.data;
    await history.behindTriggers(
      'members',
      `UPDATE events SET data = jsonb_set(data, '{amountRp}', to_jsonb($2::bigint)) WHERE event_id = $1`,
      [victim.event_id, amountRp + 500_000],
    );
    try {
      const verified = await verifyStores({ stores: history.stores() });
      expect(
        verified.chains
          .flatMap((chain) => chain.breaks)
          .map(({ service, streamId, streamVersion }) => ({ service, streamId, streamVersion })),
      ).toEqual([
        { service: 'members', streamId: victim.stream_id, streamVersion: victim.stream_version },
      ]);

      const result = await replay();

      const accounts = result.comparison.accounts.map(
        ({ koperasiId, accountCode, tellerId, rebuilt, liveJournal, eventIds }) => ({
          koperasiId,
          accountCode,
          tellerId,
          byRp: rebuilt.debitRp - liveJournal.debitRp + (rebuilt.creditRp - liveJournal.creditRp),
          eventIds,
        }),
      );
      expect(accounts).toEqual([
        {
          koperasiId: victim.koperasi_id,
          accountCode: '111000',
          tellerId: null,
          byRp: 500_000,
          eventIds: [victim.event_id],
        },
        {
          koperasiId: victim.koperasi_id,
          accountCode: '111000',
          tellerId,
          byRp: 500_000,
          eventIds: [victim.event_id],
        },
        {
          koperasiId: victim.koperasi_id,
          accountCode: '211000',
          tellerId: null,
          byRp: 500_000,
          eventIds: [victim.event_id],
        },
      ]);
      expect(result.comparison.members).toEqual([
        expect.objectContaining({
          koperasiId: victim.koperasi_id,
          memberId,
          eventIds: [victim.event_id],
        }),
      ]);
      const member = result.comparison.members[0];
      expect(member.rebuilt!.sukarelaRp - member.liveSubLedger!.sukarelaRp).toBe(500_000);
      expect(result.comparison.entries.listed).toEqual([
        {
          sourceEventId: victim.event_id,
          koperasiId: victim.koperasi_id,
          kind: 'different',
          fields: ['line 1: debit_rp', 'line 2: credit_rp'],
        },
      ]);
      expect(result.comparison.cashByTellerDay).toEqual([
        expect.objectContaining({ koperasiId: victim.koperasi_id, tellerId }),
      ]);
    } finally {
      await history.behindTriggers('members', `UPDATE events SET data = $2 WHERE event_id = $1`, [
        victim.event_id,
        victim.data,
      ]);
    }
  });

  it("given --keep-schema, then the rebuilt books stay in their schema with the live tables' keys and indexes", async () => {
    const result = await replay({ keepSchema: true });
    try {
      expect(result.identical).toBe(true);
      const structure = async (schema: string) =>
        (
          await ledger.db.pool.query(
            // Foreign keys come back NOT VALID by design (their rows were written by the replay itself).
            `SELECT tablename, indexname, replace(indexdef, $1 || '.', '') AS definition FROM pg_indexes WHERE schemaname = $1
             UNION ALL
             SELECT rel.relname, con.conname, replace(replace(pg_get_constraintdef(con.oid), $1 || '.', ''), ' NOT VALID', '') FROM pg_constraint con
               JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace ns ON ns.oid = rel.relnamespace WHERE ns.nspname = $1
             ORDER BY 1, 2, 3`,
            [schema],
          )
        ).rows;
      const live = (await structure('public')).filter((row) => row.tablename !== 'migrations');
      expect(await structure(result.schema)).toEqual(live);
      const { rows } = await ledger.db.pool.query(
        `SELECT count(*)::int AS n FROM ${result.schema}.journal_entries`,
      );
      expect(rows[0].n).toBe(result.entries);
    } finally {
      await ledger.db.pool.query(`DROP SCHEMA ${result.schema} CASCADE`);
    }
  });

  it('given an instant in the middle of the history, when replayed as of it, then the rebuilt books equal the live journal as of that instant', async () => {
    const { rows } = await ledger.db.pool.query(
      `SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY occurred_at) AS middle FROM journal_entries`,
    );
    const asOf: Date = rows[0].middle;

    const result = await replay({ asOf });

    expect(result.comparison).toEqual(
      expect.objectContaining({ identical: true, accounts: [], members: [] }),
    );
    // The as-of day itself is partial in the rebuilt books: the days before it are the ones as-of reports read.
    expect(result.comparison.accountDays).toEqual(
      expect.objectContaining({ beforeDay: businessDateWib(asOf), differences: [] }),
    );
    expect(result.events).toBeGreaterThan(totalEvents / 4);
    expect(result.events).toBeLessThan(totalEvents);
    expect(result.asOf).toBe(asOf.toISOString());
  });
});
