import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@koperasi/contracts';
import { runReplay } from '../src/audit/index.js';
import { LedgerTestApp } from './ledger-test-app.js';
import { PaymentStream } from './service-event-fixtures.js';

/** Always a past year, so the spec means the same in any month it runs. */
const YEAR = new Date().getUTCFullYear() - 1;
const at = (monthDay: string) => new Date(`${YEAR}-${monthDay}+07:00`).toISOString();

describe('ledger: closing December closes the year’s income and expenses into SHU belum dibagi', () => {
  const ledger = new LedgerTestApp();
  const kop = `kop-${randomUUID().slice(0, 8)}`;

  beforeAll(() => ledger.start());
  afterAll(() => ledger.close());

  const balances = () => ledger.balances(kop);
  const publishAndWait = (
    service: 'members' | 'billpay',
    events: EventEnvelope[],
    entries: number,
  ) => ledger.publishAndWait(service, kop, events, entries);

  const statements = async () =>
    (
      await ledger
        .get(`/internal/koperasi/${kop}/statements`)
        .query({ from: `${YEAR}-01-01`, to: `${YEAR}-12-31` })
        .expect(200)
    ).body;

  it('given a year with fee income and a PPOB loss, when its December is closed, then both accounts are zero, 340000 holds the result in one balanced entry citing the event, the hasil usaha is unchanged, and a replay equals the books', async () => {
    // Given: a PLN payment earning Rp2.500 in March, one costing Rp300 more than collected in November.
    const earning = new PaymentStream(kop, {
      productCode: 'PLNPOST',
      totalAmountRp: 102_500,
      priceRp: 100_000,
      tellerId: 'teller-a',
    });
    const losing = new PaymentStream(kop, {
      productCode: 'PLNPOST',
      totalAmountRp: 52_500,
      priceRp: 52_500,
      tellerId: 'teller-a',
    });
    await publishAndWait(
      'billpay',
      [
        earning.requested(at('03-10T10:00:00')),
        earning.succeeded({}, at('03-10T10:00:05')),
        losing.requested(at('11-20T10:00:00')),
        losing.succeeded({ priceRp: 52_800, feeRp: -300 }, at('11-20T10:00:05')),
      ],
      4,
    );
    expect(await balances()).toMatchObject({ '410000': 2_500, '510000': 300, '340000': 0 });
    const before = await statements();
    expect(before.operatingResult.surplusRp).toBe(2_200);

    const yearEnd = (
      await ledger.get(`/internal/koperasi/${kop}/year-end-balances/${YEAR}`).expect(200)
    ).body;
    expect(yearEnd).toEqual({
      year: YEAR,
      accounts: [
        { accountCode: '410000', netCreditRp: 2_500 },
        { accountCode: '510000', netCreditRp: -300 },
      ],
    });

    // When: December is closed (closed later, as a supervisor does in January).
    const closed: EventEnvelope = {
      eventId: randomUUID(),
      type: 'PeriodClosed',
      schemaVersion: 1,
      streamId: `period-closing-${kop}`,
      streamVersion: 1,
      koperasiId: kop,
      occurredAt: new Date().toISOString(),
      actor: 'spv-budi',
      correlationId: randomUUID(),
      causationId: randomUUID(),
      data: {
        month: `${YEAR}-12`,
        closedBy: 'spv-budi',
        closedByName: 'Budi Santoso',
        closedAt: new Date().toISOString(),
        yearEnd,
      },
      prevHash: '0'.repeat(64),
      hash: 'f'.repeat(64),
    };
    await publishAndWait('members', [closed], 1);

    // Then
    expect(await balances()).toMatchObject({ '410000': 0, '510000': 0, '340000': 2_200 });
    const [entry] = (
      await ledger
        .get(`/internal/koperasi/${kop}/entries?sourceEventId=${closed.eventId}`)
        .expect(200)
    ).body;
    expect(entry).toMatchObject({
      occurredAt: new Date(`${YEAR}-12-31T23:59:59.999+07:00`).toISOString(),
      trace: { service: 'members', eventType: 'PeriodClosed', streamId: closed.streamId },
    });
    const sum = (side: 'debitRp' | 'creditRp') =>
      entry.lines.reduce((total: number, line: Record<string, number>) => total + line[side], 0);
    expect(sum('debitRp')).toBe(2_500);
    expect(sum('creditRp')).toBe(2_500);

    const after = await statements();
    expect(after.operatingResult).toEqual(before.operatingResult);
    expect(after.financialPosition.liabilitiesAndEquityRp).toBe(
      after.financialPosition.assets.totalRp,
    );
    expect(after.financialPosition.equity.lines).toEqual(
      expect.arrayContaining([
        { code: '340000', name: 'SHU belum dibagi', amountRp: 2_200 },
        { code: null, name: 'SHU periode berjalan', amountRp: 0 },
      ]),
    );
    expect(after.equityChanges.surplusRp).toBe(2_200);
    expect(after.equityChanges.otherChangesRp).toBe(0);
    const { rowCount } = await ledger.db.pool.query(
      `SELECT 1 FROM period_closings WHERE koperasi_id = $1 AND month = $2::date`,
      [kop, `${YEAR}-12-01`],
    );
    expect(rowCount).toBe(1);

    const replay = await runReplay({
      source: 'kafka',
      ledgerDatabaseUrl: ledger.db.url,
      stores: (['members', 'billpay'] as const).map((service) => ({
        service,
        databaseUrl: '',
        topic: ledger.topics[service],
      })),
      kafka: ledger.kafka,
    });
    expect(replay.comparison.entries).toMatchObject({
      missingInLive: 0,
      extraInLive: 0,
      different: 0,
    });
    expect(replay.identical).toBe(true);
  }, 120_000);
});
