import { ApiClient } from '../support/api-client.js';
import { DEMO_PASSWORD, type SuiteHarness } from '../support/suite-harness.js';
import { CounterClient, type CounterRequestRecord, type RetryPolicy } from './counter-client.js';
import type { SeededRandom } from './seeded-random.js';

const POKOK_RP = 25_000;
const WAJIB_MONTHLY_RP = 15_000;
/** Far beyond what a run spends: a refusal for an empty deposit would hide the faults' effects. */
const PPOB_DEPOSIT_RP = 1_000_000_000_000;
const INSTALLMENT_FEE_RP = 2_500;
/** An open-loop load still needs a ceiling: past it a tick is counted as shed instead of piling up sockets. */
const MAX_IN_FLIGHT = 400;
const REMITTANCE_EVERY_MS = 20_000;
/** How often a supervisor looks at the refunds owed (payments that failed after pending) and pays them. */
const REFUND_SWEEP_EVERY_MS = 20_000;

export interface ChaosKoperasi {
  index: number;
  id: string;
  teller: CounterClient;
  supervisor: CounterClient;
  supervisorApi: ApiClient;
  members: { id: string; nextWajibMonth: number }[];
}

/** The kinds of transaction a counter does, by weight. */
export type CounterMix = readonly [kind: TransactionKind, weight: number][];

type TransactionKind =
  | 'sukarela-deposit'
  | 'sukarela-withdrawal'
  | 'wajib'
  | 'ppob-prepaid'
  | 'ppob-postpaid'
  | 'installment';

/** The mix of a counter day under faults, by weight. */
export const CHAOS_MIX: CounterMix = [
  ['sukarela-deposit', 30],
  ['sukarela-withdrawal', 8],
  ['wajib', 7],
  ['ppob-prepaid', 25],
  ['ppob-postpaid', 12],
  ['installment', 18],
];

export async function setUpKoperasi(
  suite: SuiteHarness,
  random: SeededRandom,
  count: number,
  membersEach: number,
  policy: RetryPolicy,
  /** Koperasi set up at once; the draws of the seed are only reproducible one at a time. */
  parallel = 1,
): Promise<ChaosKoperasi[]> {
  const admin = await new ApiClient(suite.gatewayUrl).login('admin', DEMO_PASSWORD);
  const all: ChaosKoperasi[] = [];
  let next = 0;
  const lane = async () => {
    for (let index = next++; index < count; index = next++)
      all[index] = await setUpOneKoperasi(suite, admin, random, index, membersEach, policy);
  };
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, lane));
  return all;
}

async function setUpOneKoperasi(
  suite: SuiteHarness,
  admin: ApiClient,
  random: SeededRandom,
  index: number,
  membersEach: number,
  policy: RetryPolicy,
): Promise<ChaosKoperasi> {
  const created = await admin.post('/koperasi', {
    code: `CHS${index}`,
    name: `KKMP Chaos ${index}`,
    kelurahan: 'Gedawang',
    kecamatan: 'Banyumanik',
    kotaKabupaten: 'Kota Semarang',
    provinsi: 'Jawa Tengah',
    simpananPokokAmount: POKOK_RP,
    simpananWajibMonthlyAmount: WAJIB_MONTHLY_RP,
  });
  must(created, 201, 'koperasi');
  for (const role of ['teller', 'supervisor']) {
    must(
      await admin.post('/users', {
        username: `${role}.chaos${index}`,
        fullName: `Petugas Chaos ${role}`,
        password: DEMO_PASSWORD,
        role,
        koperasiId: created.body.id,
      }),
      201,
      'user',
    );
  }
  const tellerApi = await new ApiClient(suite.gatewayUrl).login(
    `teller.chaos${index}`,
    DEMO_PASSWORD,
  );
  const supervisorApi = await new ApiClient(suite.gatewayUrl).login(
    `supervisor.chaos${index}`,
    DEMO_PASSWORD,
  );
  must(
    await supervisorApi.post('/billpay/deposit/topups', {
      amount: PPOB_DEPOSIT_RP,
      bankTransferRef: `BRI-CHAOS-${index}`,
    }),
    201,
    'top-up',
  );
  for (const product of ['KUR', 'KUPEDES']) {
    const agreement = await supervisorApi.call('PUT', `/loans/agreements/${product}`, {
      fee: { kind: 'FIXED', amount: INSTALLMENT_FEE_RP },
      partialAllowed: true,
      feeMode: 'BANK_PAYS',
    });
    if (agreement.status >= 300)
      throw new Error(
        `agreement ${product}: ${agreement.status} ${JSON.stringify(agreement.body)}`,
      );
  }
  const koperasi: ChaosKoperasi = {
    index,
    id: created.body.id,
    teller: new CounterClient(tellerApi, index, policy),
    supervisor: new CounterClient(supervisorApi, index, policy),
    supervisorApi,
    members: [],
  };
  for (let member = 0; member < membersEach; member++) {
    // Kecamatan 11.. (never 00), born 15-08-198x, a serial per member.
    const nik = `3374${11 + (index % 80)}15088${random.digits(1)}${String(member + 1).padStart(4, '0')}`;
    const registered = await tellerApi.post('/members', {
      nik,
      fullName: `Anggota Chaos ${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[member % 26]}`,
      address: 'Jl. Chaos 1',
      kelurahan: 'Gedawang',
    });
    must(registered, 201, 'member');
    must(
      await tellerApi.post(`/members/${registered.body.id}/simpanan-pokok`, { amount: POKOK_RP }),
      200,
      'pokok',
    );
    koperasi.members.push({ id: registered.body.id, nextWajibMonth: 0 });
  }
  return koperasi;
}

/** An open-loop counter day at `rate` requests a second, each retried to a final answer by its counter. */
export class CounterDayLoad {
  shed = 0;
  private inFlight = new Set<Promise<unknown>>();
  private stopped = false;
  /** A sweep slowed by a fault must not overlap the next: both would ask for the same refund. */
  private sweeping = false;

  constructor(
    private readonly koperasi: ChaosKoperasi[],
    private readonly random: SeededRandom,
    private readonly mix: CounterMix = CHAOS_MIX,
  ) {}

  get records(): CounterRequestRecord[] {
    return this.koperasi.flatMap((k) => [...k.teller.records, ...k.supervisor.records]);
  }

  get serverErrorExamples(): string[] {
    return this.koperasi
      .flatMap((k) => [...k.teller.serverErrorExamples, ...k.supervisor.serverErrorExamples])
      .slice(0, 5);
  }

  get serverErrors(): number {
    return this.koperasi.reduce(
      (sum, k) => sum + k.teller.serverErrors + k.supervisor.serverErrors,
      0,
    );
  }

  async run(rate: number, durationMs: number): Promise<void> {
    const startedMs = Date.now();
    const intervalMs = 1000 / rate;
    const remittances = setInterval(() => {
      for (const koperasi of this.koperasi)
        this.launch(() => koperasi.supervisor.write('remittance-close', '/loans/remittances', {}));
    }, REMITTANCE_EVERY_MS);
    const refunds = setInterval(
      () => this.launch(() => this.payOwedRefunds()),
      REFUND_SWEEP_EVERY_MS,
    );
    try {
      for (let tick = 0; Date.now() - startedMs < durationMs && !this.stopped; tick++) {
        const dueMs = startedMs + tick * intervalMs;
        if (dueMs > Date.now())
          await new Promise((resolve) => setTimeout(resolve, dueMs - Date.now()));
        if (this.inFlight.size >= MAX_IN_FLIGHT) this.shed += 1;
        else this.launch(() => this.transaction(this.random.pick(this.koperasi)));
      }
    } finally {
      clearInterval(remittances);
      clearInterval(refunds);
    }
  }

  /**
   * Each supervisor pays the refunds their koperasi owes, as listed on their screen (GET /counter/today): the
   * payments that failed after the teller was told they were pending. Answers how many were listed owed, or
   * null when a listing failed (a fault); the next sweep finds the same refunds.
   */
  async payOwedRefunds(): Promise<number | null> {
    if (this.sweeping) return null;
    this.sweeping = true;
    try {
      const listed = await Promise.all(
        this.koperasi.map((koperasi) => this.payRefundsOf(koperasi)),
      );
      return listed.every((count) => count !== null)
        ? listed.reduce((sum: number, count) => sum + count!, 0)
        : null;
    } finally {
      this.sweeping = false;
    }
  }

  private async payRefundsOf({ supervisor, supervisorApi }: ChaosKoperasi): Promise<number | null> {
    const today = await supervisorApi.get('/counter/today').catch(() => null);
    if (today?.status !== 200) return null;
    const owed = (today.body as { ppobRefundsOwed: { payments: { paymentId: string }[] } })
      .ppobRefundsOwed.payments;
    const asked = new Set(supervisor.records.filter((r) => r.kind === 'refund').map((r) => r.path));
    for (const { paymentId } of owed) {
      const path = `/billpay/payments/${paymentId}/refund`;
      if (!asked.has(path)) await supervisor.write('refund', path, {});
    }
    return owed.length;
  }

  /** Waits for every request still being retried. */
  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private launch(work: () => Promise<unknown>): void {
    const running = work().catch(() => undefined);
    this.inFlight.add(running);
    void running.finally(() => this.inFlight.delete(running));
  }

  /** One transaction of the mix at a counter of the koperasi, asked until answered. */
  async transaction(koperasi: ChaosKoperasi): Promise<void> {
    const { teller, supervisor } = koperasi;
    const member = this.random.pick(koperasi.members);
    switch (this.weightedKind()) {
      case 'sukarela-deposit':
        await teller.write('sukarela-deposit', `/members/${member.id}/simpanan-sukarela/deposits`, {
          amount: this.random.int(1, 200) * 1_000 + this.random.int(1, 999),
        });
        return;
      case 'sukarela-withdrawal':
        await teller.write(
          'sukarela-withdrawal',
          `/members/${member.id}/simpanan-sukarela/withdrawals`,
          { amount: this.random.int(1, 20) * 1_000 },
        );
        return;
      case 'wajib': {
        const month = monthFromNow(member.nextWajibMonth++);
        await teller.write('wajib', `/members/${member.id}/simpanan-wajib`, {
          periods: [month],
          amount: WAJIB_MONTHLY_RP,
        });
        return;
      }
      case 'ppob-prepaid': {
        const [productCode, customerNo] = this.random.pick([
          ['PLN20', `14${this.random.digits(9)}`],
          ['PLN50', `14${this.random.digits(9)}`],
          ['PLN100', `14${this.random.digits(9)}`],
          ['TSEL10', `0812${this.random.digits(8)}`],
          ['TSEL25', `0813${this.random.digits(8)}`],
        ]);
        const payment = await teller.write('ppob-payment', '/billpay/payments', {
          productCode,
          customerNo,
        });
        await this.refundIfFailed(supervisor, payment);
        return;
      }
      case 'ppob-postpaid': {
        const [productCode, customerNo] = this.random.pick([
          ['PLNPOST', `61${this.random.digits(10)}`],
          ['PDAM', `3${this.random.digits(9)}`],
          ['BPJSKES', `88888${this.random.digits(11)}`],
        ]);
        const inquiry = await teller.write('ppob-inquiry', '/billpay/inquiries', {
          productCode,
          customerNo,
        });
        if (inquiry.answer !== 'succeeded') return;
        const payment = await teller.write('ppob-payment', '/billpay/payments', {
          inquiryId: inquiry.response.inquiryId,
        });
        await this.refundIfFailed(supervisor, payment);
        return;
      }
      case 'installment':
        await teller.write('installment', '/loans/installments', {
          loanNo: `0009${this.random.digits(11)}`,
          amount: this.random.int(50, 300) * 1_000,
        });
        return;
    }
  }

  /** The supervisor pays a failed payment's money back, as the counter does when the customer waits. */
  private async refundIfFailed(
    supervisor: CounterClient,
    payment: CounterRequestRecord,
  ): Promise<void> {
    if (
      payment.answer === 'succeeded' &&
      payment.response?.status === 'FAILED' &&
      payment.response?.refund === 'OWED'
    ) {
      await supervisor.write(
        'refund',
        `/billpay/payments/${payment.response.paymentId}/refund`,
        {},
      );
    }
  }

  private weightedKind(): TransactionKind {
    const total = this.mix.reduce((sum, [, weight]) => sum + weight, 0);
    let draw = this.random.next() * total;
    for (const [kind, weight] of this.mix) if ((draw -= weight) < 0) return kind;
    return this.mix[0][0];
  }
}

function monthFromNow(months: number): string {
  const wib = new Date(Date.now() + 7 * 3600 * 1000);
  const date = new Date(Date.UTC(wib.getUTCFullYear(), wib.getUTCMonth() + months, 1));
  return date.toISOString().slice(0, 7);
}

function must(response: { status: number; body: unknown }, status: number, what: string): void {
  if (response.status !== status)
    throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
}
