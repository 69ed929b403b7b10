import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@koperasi/contracts';
import { waitFor } from '@koperasi/testing';
import { LedgerTestApp } from './ledger-test-app.js';
import { MemberStream } from './member-event-fixtures.js';
import {
  DepositStream,
  PaymentStream,
  installmentCollected,
  remittanceConfirmed,
  type Installment,
} from './service-event-fixtures.js';

const newKoperasi = () => `kop-${randomUUID().slice(0, 8)}`;

describe('ledger: PPOB payments and loan installments into balanced books', () => {
  const ledger = new LedgerTestApp();

  beforeAll(() => ledger.start());
  afterAll(() => ledger.close());

  const balances = ledger.balances.bind(ledger);

  async function expectTrialBalanceBalances(koperasiId: string): Promise<void> {
    const { body } = await ledger.get(`/internal/koperasi/${koperasiId}/trial-balance`).expect(200);
    expect(body.totalDebit).toBe(body.totalCredit);
  }

  const publishAndWait = ledger.publishAndWait.bind(ledger);

  it('given a PPOB payment that succeeds, then exactly the fee is income, suspense is empty and the trial balance balances', async () => {
    const kop = newKoperasi();
    const payment = new PaymentStream(kop, {
      productCode: 'PLNPOST',
      totalAmountRp: 302_500,
      priceRp: 301_800,
      tellerId: 'teller-a',
    });

    const events = [
      new DepositStream(kop).toppedUp(1_000_000),
      payment.requested(),
      payment.pending(),
      payment.succeeded(),
    ];
    const succeeded = events[3];
    await publishAndWait('billpay', kop, events, 3);

    expect(await balances(kop)).toMatchObject({
      '111000': 302_500,
      '112100': -1_000_000,
      '113100': 1_000_000 - 301_800,
      '213000': 0,
      '410000': 700,
    });
    await expectTrialBalanceBalances(kop);
    const [success] = (
      await ledger
        .get(`/internal/koperasi/${kop}/entries?sourceEventId=${succeeded.eventId}`)
        .expect(200)
    ).body;
    expect(success.trace).toMatchObject({
      service: 'billpay',
      eventType: 'BillPaymentSucceeded',
      streamId: payment.streamId,
      streamVersion: 3,
    });
    expect(success.lines).toContainEqual(
      expect.objectContaining({
        accountCode: '410000',
        creditRp: 700,
        feeSource: 'PPOB',
        productCode: 'PLNPOST',
      }),
    );
  });

  it('given a pending payment that fails and is refunded, then suspense and refunds owed are both zero and the drawer is even', async () => {
    const kop = newKoperasi();
    const payment = new PaymentStream(kop, {
      productCode: 'PDAM',
      totalAmountRp: 152_500,
      priceRp: 151_900,
      tellerId: 'teller-a',
    });

    await publishAndWait('billpay', kop, [payment.requested(), payment.pending()], 1);
    expect(await balances(kop)).toMatchObject({ '111000': 152_500, '213000': 152_500 });
    await publishAndWait('billpay', kop, [payment.failed()], 1);
    expect(await balances(kop)).toMatchObject({ '213000': 0, '214000': 152_500 });
    await publishAndWait('billpay', kop, [payment.refunded('teller-a')], 1);

    expect(await balances(kop)).toMatchObject({
      '111000': 0,
      '213000': 0,
      '214000': 0,
      '410000': 0,
    });
    await expectTrialBalanceBalances(kop);
  });

  it.each(['BANK_PAYS', 'NETTED'] as const)(
    'given %s installments and their confirmed remittance, then nothing is owed to the bank and the fees are income',
    async (feeMode) => {
      const kop = newKoperasi();
      const installment = (product: Installment['product'], amountRp: number): EventEnvelope =>
        installmentCollected(kop, {
          product,
          amountRp,
          feeRp: 3_000,
          feeMode,
          tellerId: 'teller-b',
        });
      await publishAndWait(
        'loans',
        kop,
        [installment('KUR', 1_250_000), installment('KUPEDES', 750_000)],
        2,
      );
      expect(await balances(kop)).toMatchObject({
        '111000': 2_000_000,
        '212000': feeMode === 'NETTED' ? 1_994_000 : 2_000_000,
      });

      await publishAndWait(
        'loans',
        kop,
        [remittanceConfirmed(kop, 2_000_000, feeMode === 'NETTED' ? 6_000 : 0)],
        1,
      );

      expect(await balances(kop)).toMatchObject({
        '111000': 2_000_000,
        '212000': 0,
        '420000': 6_000,
        '114100': feeMode === 'BANK_PAYS' ? 6_000 : 0,
        '112100': feeMode === 'NETTED' ? -1_994_000 : -2_000_000,
      });
      await expectTrialBalanceBalances(kop);
    },
  );

  it('given billpay and loans events delivered again, then the books do not change', async () => {
    const kop = newKoperasi();
    const payment = new PaymentStream(kop, {
      productCode: 'PLNPRE20',
      totalAmountRp: 22_500,
      priceRp: 20_300,
      tellerId: 'teller-a',
    });
    const paymentEvents = [payment.requested(), payment.succeeded()];
    const loanEvents = [
      installmentCollected(kop, {
        product: 'KUR',
        amountRp: 500_000,
        feeRp: 2_000,
        feeMode: 'NETTED',
        tellerId: 'teller-a',
      }),
    ];
    await publishAndWait('billpay', kop, paymentEvents, 2);
    await publishAndWait('loans', kop, loanEvents, 1);
    const before = await ledger.booksSnapshot();

    await ledger.publish('billpay', paymentEvents);
    await ledger.publish('loans', loanEvents);
    await waitFor(
      'both projections to take the copies',
      async () => (await ledger.caughtUp('billpay')) && (await ledger.caughtUp('loans')),
    );

    expect(await ledger.booksSnapshot()).toEqual(before);
    expect(
      ledger.deadLetters.filter((letter) =>
        [...paymentEvents, ...loanEvents].some((event) => event.eventId === letter.eventId),
      ),
    ).toEqual([]);
  });

  it('given a success whose amounts do not add up between good events, then it is dead-lettered, nothing of it is posted, and the next event posts', async () => {
    const kop = newKoperasi();
    const payment = new PaymentStream(kop, {
      productCode: 'BPJS',
      totalAmountRp: 102_500,
      priceRp: 100_000,
      tellerId: 'teller-c',
    });
    const broken = payment.succeeded({ priceRp: 100_000, feeRp: 9_999 });
    const next = new PaymentStream(kop, {
      productCode: 'BPJS',
      totalAmountRp: 52_500,
      priceRp: 50_000,
      tellerId: 'teller-c',
    });

    await ledger.publish('billpay', [payment.requested(), broken, next.requested()]);

    await waitFor('the two good events to post', async () => (await ledger.entryCount(kop)) === 2);
    await waitFor('the dead letter', async () =>
      ledger.deadLetters.some((letter) => letter.eventId === broken.eventId),
    );
    expect(ledger.deadLetters.find((letter) => letter.eventId === broken.eventId)?.error).toMatch(
      /not priceRp 100000 plus feeRp 9999/,
    );
    const entries = await ledger
      .get(`/internal/koperasi/${kop}/entries?sourceEventId=${broken.eventId}`)
      .expect(200);
    expect(entries.body).toEqual([]);
    // The customer's money is still held in suspense; no deposit debit and no fee were half-posted.
    expect(await balances(kop)).toMatchObject({
      '111000': 155_000,
      '213000': 155_000,
      '113100': 0,
      '410000': 0,
    });
    await expectTrialBalanceBalances(kop);
  });

  it('given PPOB payments and installments over two WIB days, then fee income is reported by product and by day, side by side', async () => {
    const kop = newKoperasi();
    // 23:30 WIB on the 20th is the 20th even though it is 16:30 UTC; 00:30 WIB on the 21st is still the 20th in UTC.
    const lateOn20th = '2025-07-20T16:30:00.000Z';
    const earlyOn21st = '2025-07-20T17:30:00.000Z';
    const on22nd = '2025-07-22T03:00:00.000Z';
    const pay = (
      productCode: string,
      totalAmountRp: number,
      priceRp: number,
      at: string,
    ): EventEnvelope[] => {
      const payment = new PaymentStream(kop, {
        productCode,
        totalAmountRp,
        priceRp,
        tellerId: 'teller-a',
      });
      return [payment.requested(at), payment.succeeded({}, at)];
    };
    const collect = (product: Installment['product'], feeRp: number, at: string) =>
      installmentCollected(
        kop,
        { product, amountRp: 500_000, feeRp, feeMode: 'BANK_PAYS', tellerId: 'teller-a' },
        at,
      );
    await publishAndWait(
      'billpay',
      kop,
      [
        ...pay('PLNPOST', 302_500, 301_800, lateOn20th),
        ...pay('PLNPOST', 102_500, 101_900, earlyOn21st),
        ...pay('PDAM', 52_500, 51_000, earlyOn21st),
        ...pay('PDAM', 10_000, 9_000, on22nd),
      ],
      8,
    );
    await publishAndWait(
      'loans',
      kop,
      [
        collect('KUR', 2_500, lateOn20th),
        collect('KUPEDES', 1_500, earlyOn21st),
        collect('KUR', 2_500, earlyOn21st),
      ],
      3,
    );

    const byProduct = await ledger
      .get(`/internal/koperasi/${kop}/fee-income?from=2025-07-20&to=2025-07-21&groupBy=product`)
      .expect(200);
    expect(byProduct.body).toEqual({
      from: '2025-07-20',
      to: '2025-07-21',
      groupBy: 'product',
      rows: [
        { source: 'PPOB', product: 'PDAM', amountRp: 1_500, count: 1 },
        { source: 'PPOB', product: 'PLNPOST', amountRp: 1_300, count: 2 },
        { source: 'LOANS', product: 'KUPEDES', amountRp: 1_500, count: 1 },
        { source: 'LOANS', product: 'KUR', amountRp: 5_000, count: 2 },
      ],
      totals: [
        { source: 'PPOB', amountRp: 2_800, count: 3 },
        { source: 'LOANS', amountRp: 6_500, count: 3 },
      ],
      totalRp: 9_300,
    });

    const byDay = await ledger
      .get(`/internal/koperasi/${kop}/fee-income?from=2025-07-20&to=2025-07-22&groupBy=day`)
      .expect(200);
    expect(byDay.body.rows).toEqual([
      { source: 'PPOB', day: '2025-07-20', amountRp: 700, count: 1 },
      { source: 'PPOB', day: '2025-07-21', amountRp: 2_100, count: 2 },
      { source: 'PPOB', day: '2025-07-22', amountRp: 1_000, count: 1 },
      { source: 'LOANS', day: '2025-07-20', amountRp: 2_500, count: 1 },
      { source: 'LOANS', day: '2025-07-21', amountRp: 4_000, count: 2 },
    ]);
    expect(byDay.body.totalRp).toBe(10_300);

    const bad = await ledger
      .get(`/internal/koperasi/${kop}/fee-income?from=2025-07-22&to=2025-07-20&groupBy=week`)
      .expect(400);
    expect(bad.body.details).toEqual([
      { field: 'groupBy', problems: ['groupBy must be product or day, not week'] },
    ]);
    const backwards = await ledger
      .get(`/internal/koperasi/${kop}/fee-income?from=2025-07-22&to=2025-07-20`)
      .expect(400);
    expect(backwards.body.message).toMatch(/to 2025-07-20 is before from 2025-07-22/);
    await ledger.get(`/internal/koperasi/${kop}/fee-income?to=2025-07-20`).expect(400);
  });

  it('given the books captured at three instants while money kept moving, then asOf each instant gives exactly those books', async () => {
    const kop = newKoperasi();
    const siti = new MemberStream(kop);
    const capture = async () => {
      const at = new Date().toISOString();
      return {
        at,
        accounts: await balances(kop),
        trialBalance: (await ledger.get(`/internal/koperasi/${kop}/trial-balance`).expect(200))
          .body,
        savings: (
          await ledger.get(`/internal/koperasi/${kop}/members/${siti.memberId}/savings`).expect(200)
        ).body,
      };
    };
    const afterOccurring = async () => new Promise((resolve) => setTimeout(resolve, 5));
    const first = new PaymentStream(kop, {
      productCode: 'PLNPOST',
      totalAmountRp: 302_500,
      priceRp: 301_800,
      tellerId: 'teller-a',
    });
    const second = new PaymentStream(kop, {
      productCode: 'PDAM',
      totalAmountRp: 52_500,
      priceRp: 51_000,
      tellerId: 'teller-a',
    });

    await publishAndWait(
      'members',
      kop,
      [
        siti.registered(),
        siti.pokokPaid(25_000, 'teller-a'),
        siti.sukarelaDeposited(100_000, 'teller-a'),
      ],
      2,
    );
    await publishAndWait(
      'billpay',
      kop,
      [new DepositStream(kop).toppedUp(500_000), first.requested(), first.pending()],
      2,
    );
    await afterOccurring();
    const t1 = await capture();

    await afterOccurring();
    await publishAndWait('billpay', kop, [first.succeeded(), second.requested()], 2);
    await publishAndWait('members', kop, [siti.sukarelaWithdrawn(40_000, 'teller-a')], 1);
    await publishAndWait(
      'loans',
      kop,
      [
        installmentCollected(kop, {
          product: 'KUR',
          amountRp: 800_000,
          feeRp: 2_500,
          feeMode: 'NETTED',
          tellerId: 'teller-a',
        }),
      ],
      1,
    );
    await afterOccurring();
    const t2 = await capture();

    await afterOccurring();
    await publishAndWait('billpay', kop, [second.failed(), second.refunded('teller-a')], 2);
    await publishAndWait('members', kop, [siti.wajibPaid(['2025-07'], 15_000, 'teller-a')], 1);
    await publishAndWait('loans', kop, [remittanceConfirmed(kop, 800_000, 2_500)], 1);
    await afterOccurring();
    const t3 = await capture();

    // The three captures differ, so each as-of below picks out its own moment.
    expect(new Set([t1, t2, t3].map((books) => JSON.stringify(books.accounts))).size).toBe(3);
    for (const captured of [t1, t2, t3]) {
      expect(await balances(kop, captured.at)).toEqual(captured.accounts);
      const trialBalance = await ledger
        .get(`/internal/koperasi/${kop}/trial-balance`)
        .query({ asOf: captured.at })
        .expect(200);
      expect(trialBalance.body).toEqual({ ...captured.trialBalance, asOf: captured.at });
      const savings = await ledger
        .get(`/internal/koperasi/${kop}/members/${siti.memberId}/savings`)
        .query({ asOf: captured.at })
        .expect(200);
      expect(savings.body).toEqual(captured.savings);
      const statement = await ledger
        .get(`/internal/koperasi/${kop}/members/${siti.memberId}/savings/statement`)
        .query({ asOf: captured.at })
        .expect(200);
      expect(statement.body.balances).toEqual(captured.savings);
    }

    const statement = await ledger
      .get(`/internal/koperasi/${kop}/members/${siti.memberId}/savings/statement`)
      .query({ asOf: t3.at })
      .expect(200);
    expect(
      statement.body.lines.map((line: { changes: unknown; balances: unknown }) => [
        line.changes,
        line.balances,
      ]),
    ).toEqual([
      [
        { pokokRp: 25_000, wajibRp: 0, sukarelaRp: 0 },
        { pokokRp: 25_000, wajibRp: 0, sukarelaRp: 0 },
      ],
      [
        { pokokRp: 0, wajibRp: 0, sukarelaRp: 100_000 },
        { pokokRp: 25_000, wajibRp: 0, sukarelaRp: 100_000 },
      ],
      [
        { pokokRp: 0, wajibRp: 0, sukarelaRp: -40_000 },
        { pokokRp: 25_000, wajibRp: 0, sukarelaRp: 60_000 },
      ],
      [
        { pokokRp: 0, wajibRp: 15_000, sukarelaRp: 0 },
        { pokokRp: 25_000, wajibRp: 15_000, sukarelaRp: 60_000 },
      ],
    ]);
    const latestTwo = await ledger
      .get(`/internal/koperasi/${kop}/members/${siti.memberId}/savings/statement?limit=2`)
      .expect(200);
    expect(latestTwo.body).toMatchObject({
      truncated: true,
      balances: { pokokRp: 25_000, wajibRp: 15_000, sukarelaRp: 60_000 },
    });
    expect(latestTwo.body.lines).toHaveLength(2);

    await ledger.get(`/internal/koperasi/${kop}/accounts?asOf=yesterday`).expect(400);
    await ledger
      .get(`/internal/koperasi/${kop}/members/${siti.memberId}/savings?asOf=2025-02-30`)
      .expect(400);
    await ledger
      .get(`/internal/koperasi/${kop}/members/${siti.memberId}/savings/statement?limit=0`)
      .expect(400);
    await ledger
      .get(`/internal/koperasi/${kop}/members/someone-else/savings/statement`)
      .expect(404);
  });
});
