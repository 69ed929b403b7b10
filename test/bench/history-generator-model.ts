import { randomUUID } from 'node:crypto';
import {
  BillpayEventTypes,
  LoanEventTypes,
  type BillPaymentFailedData,
  type BillPaymentPendingData,
  type BillPaymentRefundedData,
  type BillPaymentRequestedData,
  type BillPaymentSucceededData,
  type CollectionNoticeAcknowledgedData,
  type DepositToppedUpData,
  type InstallmentCollectedData,
  type RemittanceClosedData,
  type RemittanceConfirmedData,
  type RemittanceRejectedData,
} from '@koperasi/contracts';

export type HistoryService = 'members' | 'billpay' | 'loans';

/** One event as a service would decide it; the writer adds the stream position and the hash chain. */
export interface HistoryEvent {
  service: HistoryService;
  streamId: string;
  type: string;
  data: unknown;
  koperasiId: string;
  actor: string;
  occurredAt: string;
  correlationId: string;
  causationId: string | null;
}

export interface HistoryModelOptions {
  koperasiCount: number;
  events: number;
  /** First counter day, YYYY-MM-DD in WIB; the history spreads over `days` days from it. */
  firstDay: string;
  days: number;
  seed: number;
}

const WIB_OFFSET_MS = 7 * 3600_000;
const OPENING_HOUR_WIB = 8;
const COUNTER_HOURS = 8;
const DEPOSIT_TOPUP_RP = 10_000_000;
const DEPOSIT_LOW_WATER_RP = 1_000_000;
/** Remittances start from this hour of the counter day, once per koperasi per day. */
const REMITTANCE_HOUR_WIB = 15;
const MAX_PERIODS_AT_ONCE = 3;

interface Product {
  code: string;
  kind: 'PREPAID' | 'POSTPAID';
  biller: string;
  adminFeeRp: number;
  /** What the aggregator keeps back below bill + admin: the koperasi's fee. */
  marginRp: number;
  bill(random: Random): number;
  customerNo(random: Random): string;
}

const PRODUCTS: Product[] = [
  {
    code: 'PLN20',
    kind: 'PREPAID',
    biller: 'PLN',
    adminFeeRp: 2_500,
    marginRp: 700,
    bill: () => 20_000,
    customerNo: (r) => r.digits(11),
  },
  {
    code: 'PLN50',
    kind: 'PREPAID',
    biller: 'PLN',
    adminFeeRp: 2_500,
    marginRp: 700,
    bill: () => 50_000,
    customerNo: (r) => r.digits(11),
  },
  {
    code: 'PLN100',
    kind: 'PREPAID',
    biller: 'PLN',
    adminFeeRp: 2_500,
    marginRp: 700,
    bill: () => 100_000,
    customerNo: (r) => r.digits(11),
  },
  {
    code: 'PLNPASCA',
    kind: 'POSTPAID',
    biller: 'PLN',
    adminFeeRp: 2_500,
    marginRp: 700,
    bill: (r) => r.int(500, 8_000) * 100,
    customerNo: (r) => r.digits(12),
  },
  {
    code: 'PDAMSMG',
    kind: 'POSTPAID',
    biller: 'PDAM Tirta Moedal',
    adminFeeRp: 2_500,
    marginRp: 500,
    bill: (r) => r.int(300, 3_000) * 100,
    customerNo: (r) => r.digits(10),
  },
  {
    code: 'BPJSKES',
    kind: 'POSTPAID',
    biller: 'BPJS Kesehatan',
    adminFeeRp: 2_500,
    marginRp: 1_000,
    bill: (r) => 35_000 * r.int(1, 4),
    customerNo: (r) => `0001${r.digits(9)}`,
  },
  {
    code: 'TSEL10',
    kind: 'PREPAID',
    biller: 'Telkomsel',
    adminFeeRp: 1_500,
    marginRp: 1_000,
    bill: () => 10_000,
    customerNo: (r) => `0812${r.digits(8)}`,
  },
  {
    code: 'TSEL25',
    kind: 'PREPAID',
    biller: 'Telkomsel',
    adminFeeRp: 1_500,
    marginRp: 1_000,
    bill: () => 25_000,
    customerNo: (r) => `0813${r.digits(8)}`,
  },
  {
    code: 'XL50',
    kind: 'PREPAID',
    biller: 'XL',
    adminFeeRp: 1_500,
    marginRp: 1_200,
    bill: () => 50_000,
    customerNo: (r) => `0817${r.digits(8)}`,
  },
];

const FIRST_NAMES = [
  'Siti',
  'Budi',
  'Sri',
  'Agus',
  'Dewi',
  'Eko',
  'Rina',
  'Joko',
  'Wati',
  'Slamet',
  'Yuni',
  'Bambang',
];
const LAST_NAMES = [
  'Rahayu',
  'Santoso',
  'Wahyuni',
  'Prasetyo',
  'Lestari',
  'Setiawan',
  'Handayani',
  'Kurniawan',
];
const KELURAHAN = [
  'Gedawang',
  'Tegalsari',
  'Bendan Kergon',
  'Jatingaleh',
  'Ngesrep',
  'Tembalang',
  'Pedurungan',
  'Sampangan',
];

/** Deterministic numbers from a seed (mulberry32), so a run can be repeated. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  digits(count: number): string {
    let text = String(this.int(1, 9));
    while (text.length < count) text += String(this.int(0, 9));
    return text;
  }
}

interface Member {
  memberId: string;
  pokokRp: number;
  wajibRp: number;
  sukarelaRp: number;
  nextPeriod: string;
  active: boolean;
}

interface Collection {
  collectionId: string;
  amountRp: number;
  feeRp: number;
}

interface Koperasi {
  koperasiId: string;
  code: string;
  kelurahan: string;
  pokokRp: number;
  wajibMonthlyRp: number;
  tellers: string[];
  supervisor: string;
  members: Member[];
  activeMembers: Member[];
  memberCount: number;
  depositAvailableRp: number;
  feeMode: 'BANK_PAYS' | 'NETTED';
  collectionFeeRp: number;
  unremitted: Collection[];
  lastRemittanceDay: number;
}

/** A follow-up due at a later step of the history: the second half of a flow, like a payment's outcome. */
interface Deferred {
  dueStep: number;
  order: number;
  emit(): HistoryEvent | null;
}

/**
 * A month of counter work across many koperasi, one event per step in time order: registrations and
 * savings, PPOB payments (succeeded, failed, pending then resolved, refunds, deposit top-ups), installment
 * collections with their bank notices, and daily remittances (a few rejected and batched again). Flows
 * that span several events schedule their later steps, so streams interleave as they do at real counters.
 */
export class HistoryModel {
  private readonly random: Random;
  private readonly koperasi: Koperasi[] = [];
  private readonly deferred = new MinHeap<Deferred>(
    (a, b) => a.dueStep - b.dueStep || a.order - b.order,
  );
  private step = 0;
  private deferredOrder = 0;
  private readonly stepMs: number;
  private readonly stepsPerDay: number;
  private readonly firstDayStartMs: number;

  constructor(private readonly options: HistoryModelOptions) {
    if (options.koperasiCount < 1 || options.events < options.koperasiCount) {
      throw new Error('the history needs at least one koperasi and one event per koperasi');
    }
    this.random = new Random(options.seed);
    this.stepsPerDay = Math.ceil(options.events / options.days);
    this.stepMs = (COUNTER_HOURS * 3600_000) / this.stepsPerDay;
    this.firstDayStartMs =
      Date.parse(`${options.firstDay}T00:00:00Z`) - WIB_OFFSET_MS + OPENING_HOUR_WIB * 3600_000;
    if (Number.isNaN(this.firstDayStartMs))
      throw new Error(`firstDay ${options.firstDay} is not a date`);
  }

  /** Exactly `options.events` events, in the order they happened. */
  *events(): Generator<HistoryEvent> {
    for (let index = 0; index < this.options.koperasiCount; index++) {
      yield this.registerKoperasi(index);
      this.step += 1;
    }
    while (this.step < this.options.events) {
      const event = this.nextEvent();
      if (event) {
        yield event;
        this.step += 1;
      }
    }
  }

  private nextEvent(): HistoryEvent | null {
    const due = this.deferred.peek();
    if (due && due.dueStep <= this.step) {
      this.deferred.pop();
      return due.emit();
    }
    const kop = this.random.pick(this.koperasi);
    if (kop.memberCount < 20 || this.random.chance(0.03)) return this.registerMember(kop);
    if (
      this.hourOfDay() >= REMITTANCE_HOUR_WIB &&
      kop.lastRemittanceDay < this.day() &&
      kop.unremitted.length > 0
    ) {
      return this.closeRemittance(kop);
    }
    const roll = this.random.next();
    if (roll < 0.1) return this.payWajib(kop);
    if (roll < 0.2) return this.depositSukarela(kop);
    if (roll < 0.23) return this.withdrawSukarela(kop);
    if (roll < 0.2305) return this.resign(kop);
    if (roll < 0.75) return this.payBill(kop);
    return this.collectInstallment(kop);
  }

  private registerKoperasi(index: number): HistoryEvent {
    const koperasiId = randomUUID();
    const code = `KKMP-${String(index + 1).padStart(4, '0')}`;
    const kop: Koperasi = {
      koperasiId,
      code,
      kelurahan: `${this.random.pick(KELURAHAN)} ${index + 1}`,
      pokokRp: this.random.pick([25_000, 50_000, 100_000]),
      wajibMonthlyRp: this.random.pick([10_000, 15_000, 20_000]),
      tellers: [1, 2, 3].map((n) => `teller-${code}-${n}`),
      supervisor: `supervisor-${code}`,
      members: [],
      activeMembers: [],
      memberCount: 0,
      depositAvailableRp: 0,
      feeMode: this.random.chance(0.5) ? 'BANK_PAYS' : 'NETTED',
      collectionFeeRp: this.random.pick([2_000, 2_500, 3_000]),
      unremitted: [],
      lastRemittanceDay: -1,
    };
    this.koperasi.push(kop);
    return this.event(kop, 'members', `koperasi-${koperasiId}`, 'KoperasiRegistered', 'admin', {
      koperasiId,
      code,
      name: `KKMP ${kop.kelurahan}`,
      kelurahan: kop.kelurahan,
      kecamatan: 'Banyumanik',
      kotaKabupaten: 'Kota Semarang',
      provinsi: 'Jawa Tengah',
      simpananPokokRp: kop.pokokRp,
      simpananWajibMonthlyRp: kop.wajibMonthlyRp,
    });
  }

  private registerMember(kop: Koperasi): HistoryEvent {
    const member: Member = {
      memberId: randomUUID(),
      pokokRp: 0,
      wajibRp: 0,
      sukarelaRp: 0,
      nextPeriod: this.period(),
      active: false,
    };
    kop.memberCount += 1;
    kop.members.push(member);
    const teller = this.random.pick(kop.tellers);
    const female = this.random.chance(0.5);
    const birthDay = this.random.int(1, 28);
    const birthMonth = this.random.int(1, 12);
    const birthYear = this.random.int(1950, 2005);
    const nik = `337410${String(birthDay + (female ? 40 : 0)).padStart(2, '0')}${String(birthMonth).padStart(2, '0')}${String(birthYear % 100).padStart(2, '0')}${String(kop.memberCount % 10_000).padStart(4, '0')}`;
    const streamId = `member-${member.memberId}`;
    const registered = this.event(kop, 'members', streamId, 'MemberRegistered', teller, {
      memberId: member.memberId,
      koperasiId: kop.koperasiId,
      memberNo: String(kop.memberCount).padStart(4, '0'),
      nik,
      sex: female ? 'F' : 'M',
      birthDate: `${birthYear}-${String(birthMonth).padStart(2, '0')}-${String(birthDay).padStart(2, '0')}`,
      fullName: `${this.random.pick(FIRST_NAMES)} ${this.random.pick(LAST_NAMES)}`,
      birthPlace: 'Semarang',
      address: `Jl. ${kop.kelurahan} No. ${this.random.int(1, 200)}`,
      kelurahan: kop.kelurahan,
      phone: this.random.chance(0.7) ? `08${this.random.digits(10)}` : null,
      joinedAt: this.time(),
      simpananPokokRp: kop.pokokRp,
      simpananWajibMonthlyRp: kop.wajibMonthlyRp,
    });
    this.later(this.random.int(1, 20), () => {
      member.pokokRp = kop.pokokRp;
      member.active = true;
      kop.activeMembers.push(member);
      return this.event(kop, 'members', streamId, 'SimpananPokokPaid', teller, {
        memberId: member.memberId,
        amountRp: kop.pokokRp,
        tellerId: teller,
      });
    });
    return registered;
  }

  private payWajib(kop: Koperasi): HistoryEvent | null {
    const member = this.activeMember(kop);
    if (!member) return null;
    const count = this.random.int(1, MAX_PERIODS_AT_ONCE);
    const periods: string[] = [];
    for (let index = 0; index < count; index++) {
      periods.push(member.nextPeriod);
      member.nextPeriod = nextPeriod(member.nextPeriod);
    }
    const amountRp = kop.wajibMonthlyRp * count;
    member.wajibRp += amountRp;
    const teller = this.random.pick(kop.tellers);
    return this.event(kop, 'members', `member-${member.memberId}`, 'SimpananWajibPaid', teller, {
      memberId: member.memberId,
      amountRp,
      tellerId: teller,
      periods,
    });
  }

  private depositSukarela(kop: Koperasi): HistoryEvent | null {
    const member = this.activeMember(kop);
    if (!member) return null;
    const amountRp = this.random.int(1, 100) * 10_000;
    member.sukarelaRp += amountRp;
    const teller = this.random.pick(kop.tellers);
    return this.event(
      kop,
      'members',
      `member-${member.memberId}`,
      'SimpananSukarelaDeposited',
      teller,
      { memberId: member.memberId, amountRp, tellerId: teller },
    );
  }

  private withdrawSukarela(kop: Koperasi): HistoryEvent | null {
    const member = this.activeMember(kop);
    if (!member || member.sukarelaRp < 10_000) return null;
    const amountRp = this.random.int(1, member.sukarelaRp / 10_000) * 10_000;
    member.sukarelaRp -= amountRp;
    const teller = this.random.pick(kop.tellers);
    return this.event(
      kop,
      'members',
      `member-${member.memberId}`,
      'SimpananSukarelaWithdrawn',
      teller,
      { memberId: member.memberId, amountRp, tellerId: teller },
    );
  }

  private resign(kop: Koperasi): HistoryEvent | null {
    const member = this.activeMember(kop);
    if (!member || kop.activeMembers.length < 10) return null;
    member.active = false;
    kop.activeMembers.splice(kop.activeMembers.indexOf(member), 1);
    const payouts = {
      pokokPayoutRp: member.pokokRp,
      wajibPayoutRp: member.wajibRp,
      sukarelaPayoutRp: member.sukarelaRp,
    };
    member.pokokRp = member.wajibRp = member.sukarelaRp = 0;
    const teller = this.random.pick(kop.tellers);
    return this.event(kop, 'members', `member-${member.memberId}`, 'MemberResigned', teller, {
      memberId: member.memberId,
      tellerId: teller,
      resignedAt: this.time(),
      amountRp: payouts.pokokPayoutRp + payouts.wajibPayoutRp + payouts.sukarelaPayoutRp,
      ...payouts,
    });
  }

  private payBill(kop: Koperasi): HistoryEvent {
    const product = this.random.pick(PRODUCTS);
    const billAmountRp = product.bill(this.random);
    const totalAmountRp = billAmountRp + product.adminFeeRp;
    const priceRp = totalAmountRp - product.marginRp;
    if (kop.depositAvailableRp < priceRp + DEPOSIT_LOW_WATER_RP) return this.topUpDeposit(kop);
    kop.depositAvailableRp -= priceRp;
    const paymentId = randomUUID();
    const refId = `KKMP${this.random.digits(12)}`;
    const teller = this.random.pick(kop.tellers);
    const streamId = `payment-${paymentId}`;
    const requested: BillPaymentRequestedData = {
      paymentId,
      refId,
      productCode: product.code,
      productKind: product.kind,
      biller: product.biller,
      customerNo: product.customerNo(this.random),
      billAmountRp,
      adminFeeRp: product.adminFeeRp,
      totalAmountRp,
      priceRp,
      tellerId: teller,
    };
    const succeed = (resolvedBy: BillPaymentSucceededData['resolvedBy']) => (): HistoryEvent => {
      const data: BillPaymentSucceededData = {
        paymentId,
        refId,
        productCode: product.code,
        totalAmountRp,
        priceRp,
        feeRp: totalAmountRp - priceRp,
        serialNo:
          product.biller === 'PLN' && product.kind === 'PREPAID'
            ? this.random.digits(20)
            : this.random.digits(16),
        resolvedBy,
      };
      return this.event(
        kop,
        'billpay',
        streamId,
        BillpayEventTypes.billPaymentSucceeded,
        teller,
        data,
      );
    };
    const fail = (resolvedBy: BillPaymentFailedData['resolvedBy']) => (): HistoryEvent => {
      kop.depositAvailableRp += priceRp;
      if (this.random.chance(0.7))
        this.later(this.random.int(50, 5_000), () =>
          this.refund(kop, streamId, paymentId, totalAmountRp, teller),
        );
      const data: BillPaymentFailedData = {
        paymentId,
        refId,
        totalAmountRp,
        rc: '02',
        reason: 'Transaksi gagal dari biller',
        resolvedBy,
      };
      return this.event(
        kop,
        'billpay',
        streamId,
        BillpayEventTypes.billPaymentFailed,
        teller,
        data,
      );
    };
    const outcome = this.random.next();
    if (outcome < 0.88) this.later(this.random.int(1, 5), succeed('RESPONSE'));
    else if (outcome < 0.93) this.later(this.random.int(1, 5), fail('RESPONSE'));
    else {
      this.later(this.random.int(1, 5), () => {
        const resolve = this.random.chance(0.8)
          ? succeed(this.random.chance(0.5) ? 'CALLBACK' : 'STATUS_CHECK')
          : fail('STATUS_CHECK');
        this.later(this.random.int(20, 3_000), resolve);
        const data: BillPaymentPendingData = {
          paymentId,
          refId,
          reason: 'rc 03: transaksi diproses',
        };
        return this.event(
          kop,
          'billpay',
          streamId,
          BillpayEventTypes.billPaymentPending,
          teller,
          data,
        );
      });
    }
    return this.event(
      kop,
      'billpay',
      streamId,
      BillpayEventTypes.billPaymentRequested,
      teller,
      requested,
    );
  }

  private refund(
    kop: Koperasi,
    streamId: string,
    paymentId: string,
    amountRp: number,
    tellerId: string,
  ): HistoryEvent {
    const data: BillPaymentRefundedData = {
      paymentId,
      amountRp,
      supervisorId: kop.supervisor,
      tellerId,
    };
    return this.event(
      kop,
      'billpay',
      streamId,
      BillpayEventTypes.billPaymentRefunded,
      kop.supervisor,
      data,
    );
  }

  private topUpDeposit(kop: Koperasi): HistoryEvent {
    kop.depositAvailableRp += DEPOSIT_TOPUP_RP;
    const data: DepositToppedUpData = {
      topupId: randomUUID(),
      amountRp: DEPOSIT_TOPUP_RP,
      bankTransferRef: `BRI${this.random.digits(10)}`,
      supervisorId: kop.supervisor,
    };
    return this.event(
      kop,
      'billpay',
      `deposit-${kop.koperasiId}`,
      BillpayEventTypes.depositToppedUp,
      kop.supervisor,
      data,
    );
  }

  private collectInstallment(kop: Koperasi): HistoryEvent {
    const collectionId = randomUUID();
    const amountRp = this.random.int(10, 300) * 10_000;
    const feeRp = kop.collectionFeeRp;
    const teller = this.random.pick(kop.tellers);
    const streamId = `collection-${collectionId}`;
    kop.unremitted.push({ collectionId, amountRp, feeRp });
    const product = this.random.chance(0.7) ? 'KUR' : 'KUPEDES';
    const data: InstallmentCollectedData = {
      collectionId,
      loanNo: `${this.random.digits(4)}-01-${this.random.digits(6)}-${this.random.digits(2)}-${this.random.digits(1)}`,
      product,
      borrowerName: `${this.random.pick(FIRST_NAMES)} ${this.random.pick(LAST_NAMES)}`,
      period: this.period(),
      amountRp,
      feeRp,
      feeMode: kop.feeMode,
      tellerId: teller,
    };
    this.later(this.random.int(1, 50), () => {
      const notice: CollectionNoticeAcknowledgedData = {
        collectionId,
        bankRef: `BRI-N-${this.random.digits(10)}`,
      };
      return this.event(
        kop,
        'loans',
        streamId,
        LoanEventTypes.collectionNoticeAcknowledged,
        'loans-notifier',
        notice,
      );
    });
    return this.event(kop, 'loans', streamId, LoanEventTypes.installmentCollected, teller, data);
  }

  private closeRemittance(kop: Koperasi): HistoryEvent {
    kop.lastRemittanceDay = this.day();
    const batch = kop.unremitted.splice(0, kop.unremitted.length);
    const remittanceId = randomUUID();
    const collectedRp = batch.reduce((sum, collection) => sum + collection.amountRp, 0);
    const feeNettedRp =
      kop.feeMode === 'NETTED' ? batch.reduce((sum, collection) => sum + collection.feeRp, 0) : 0;
    const remitRp = collectedRp - feeNettedRp;
    const streamId = `remittance-${remittanceId}`;
    const closed: RemittanceClosedData = {
      remittanceId,
      collectionIds: batch.map((collection) => collection.collectionId),
      collectedRp,
      feeNettedRp,
      remitRp,
      supervisorId: kop.supervisor,
    };
    this.later(this.random.int(10, 500), () => {
      if (this.random.chance(0.05)) {
        kop.unremitted.unshift(...batch);
        const rejected: RemittanceRejectedData = {
          remittanceId,
          collectionIds: closed.collectionIds,
          reason: 'Rekening penampung sedang ditutup',
        };
        return this.event(
          kop,
          'loans',
          streamId,
          LoanEventTypes.remittanceRejected,
          'loans-remitter',
          rejected,
        );
      }
      const confirmed: RemittanceConfirmedData = {
        remittanceId,
        collectedRp,
        feeNettedRp,
        remitRp,
        bankRef: `BRI-R-${this.random.digits(10)}`,
      };
      return this.event(
        kop,
        'loans',
        streamId,
        LoanEventTypes.remittanceConfirmed,
        'loans-remitter',
        confirmed,
      );
    });
    return this.event(
      kop,
      'loans',
      streamId,
      LoanEventTypes.remittanceClosed,
      kop.supervisor,
      closed,
    );
  }

  private activeMember(kop: Koperasi): Member | null {
    return kop.activeMembers.length === 0 ? null : this.random.pick(kop.activeMembers);
  }

  private later(steps: number, emit: () => HistoryEvent | null): void {
    this.deferred.push({ dueStep: this.step + steps, order: this.deferredOrder++, emit });
  }

  private event(
    kop: Koperasi,
    service: HistoryService,
    streamId: string,
    type: string,
    actor: string,
    data: unknown,
  ): HistoryEvent {
    return {
      service,
      streamId,
      type,
      data,
      koperasiId: kop.koperasiId,
      actor,
      occurredAt: this.time(),
      correlationId: randomUUID(),
      causationId: randomUUID(),
    };
  }

  private day(): number {
    return Math.floor(this.step / this.stepsPerDay);
  }

  private hourOfDay(): number {
    return OPENING_HOUR_WIB + ((this.step % this.stepsPerDay) * this.stepMs) / 3600_000;
  }

  private time(): string {
    const ms =
      this.firstDayStartMs +
      this.day() * 86_400_000 +
      Math.floor((this.step % this.stepsPerDay) * this.stepMs);
    return new Date(ms).toISOString();
  }

  private period(): string {
    return new Date(Date.parse(this.time()) + WIB_OFFSET_MS).toISOString().slice(0, 7);
  }
}

function nextPeriod(period: string): string {
  const year = Number(period.slice(0, 4));
  const month = Number(period.slice(5, 7));
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

/** A binary heap; the deferred follow-ups of a million-event history stay cheap to schedule and take. */
class MinHeap<T> {
  private readonly items: T[] = [];

  constructor(private readonly before: (a: T, b: T) => number) {}

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    this.items.push(item);
    let index = this.items.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (this.before(this.items[index], this.items[parent]) >= 0) break;
      [this.items[index], this.items[parent]] = [this.items[parent], this.items[index]];
      index = parent;
    }
  }

  pop(): T | undefined {
    const top = this.items[0];
    const last = this.items.pop();
    if (this.items.length > 0 && last !== undefined) {
      this.items[0] = last;
      let index = 0;
      for (;;) {
        const left = index * 2 + 1;
        const right = left + 1;
        let smallest = index;
        if (left < this.items.length && this.before(this.items[left], this.items[smallest]) < 0)
          smallest = left;
        if (right < this.items.length && this.before(this.items[right], this.items[smallest]) < 0)
          smallest = right;
        if (smallest === index) break;
        [this.items[index], this.items[smallest]] = [this.items[smallest], this.items[index]];
        index = smallest;
      }
    }
    return top;
  }
}
