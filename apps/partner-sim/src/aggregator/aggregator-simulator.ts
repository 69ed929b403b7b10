import { Inject, Injectable } from '@nestjs/common';
import {
  AggregatorRc,
  type AggregatorStatus,
  type InquiryResponse,
  type TransactionResult,
} from '@koperasi/contracts';
import { SeededRandom } from '../common/seeded-random.js';
import { SimTimers } from '../common/sim-timers.js';
import { stableDigits } from '../common/stable-hash.js';
import { wibMinuteOfDay } from '../common/wib-clock.js';
import { PARTNER_SIM_OPTIONS, type PartnerSimOptions } from '../partner-sim-options.js';
import {
  defaultAggregatorFaults,
  isWithinWibWindow,
  patchAggregatorFaults,
  type AggregatorFaults,
  type ForcedOutcome,
} from './aggregator-faults.js';
import { CallbackSender } from './callback-sender.js';
import { AGGREGATOR_CATALOG, type CatalogProduct } from './catalog.js';
import { lookupCustomer, type CustomerBill } from './customer-lookup.js';
import { DepositAccount } from './deposit-account.js';
import { plnPrepaidEnergy } from './pln-kwh.js';
import { aggregatorSign, sameSecret } from './signatures.js';

interface SimTransaction {
  result: TransactionResult;
  /** Until the answer is due, a status check sees the transaction still in process. */
  answeredAtMs: number;
  billKey: string | null;
  /** What a successful answer tells about the customer (name, IDPEL, tariff, kWh); added once it succeeds. */
  details: ReceiptDetails;
}

type ReceiptDetails = Pick<
  TransactionResult,
  'customer_name' | 'subscriber_id' | 'segment_power' | 'kwh'
>;

interface Inquiry {
  productCode: string;
  customerNo: string;
}

export interface TransactionOutcome {
  result: TransactionResult;
  /** The transaction is done but its answer is lost. */
  drop: boolean;
}

/** The most transactions and inquiries remembered; beyond that the oldest are forgotten (a reused old ref_id passes). */
export const TRANSACTION_CAPACITY = 500_000;

type Decided = 'SUCCESS' | 'FAILED' | 'PENDING_THEN_SUCCESS' | 'PENDING_THEN_FAILED';

/** The aggregator's books and rules: deposit, transactions by ref_id, bills paid, and the fault knobs. */
@Injectable()
export class AggregatorSimulator {
  private faultsNow: AggregatorFaults;
  private random: SeededRandom;
  private deposit = new DepositAccount();
  private readonly transactions = new Map<string, SimTransaction>();
  private readonly inquiries = new Map<string, Inquiry>();
  /** Bills paid or being paid (pending), by product, customer and period: the ref_id holding each. */
  private readonly billsTaken = new Map<string, string>();

  constructor(
    @Inject(PARTNER_SIM_OPTIONS) private readonly options: PartnerSimOptions,
    private readonly timers: SimTimers,
    private readonly callbacks: CallbackSender,
  ) {
    this.faultsNow = defaultAggregatorFaults(options.plnCutOffWib);
    this.random = new SeededRandom(this.faultsNow.seed);
  }

  get faults(): AggregatorFaults {
    return this.faultsNow;
  }

  setFaults(body: unknown): AggregatorFaults {
    const next = patchAggregatorFaults(this.faultsNow, body);
    if ((body as Partial<AggregatorFaults>).seed !== undefined)
      this.random = new SeededRandom(next.seed);
    this.faultsNow = next;
    return next;
  }

  reset(): void {
    this.faultsNow = defaultAggregatorFaults(this.options.plnCutOffWib);
    this.random = new SeededRandom(this.faultsNow.seed);
    this.deposit = new DepositAccount();
    this.transactions.clear();
    this.inquiries.clear();
    this.billsTaken.clear();
    this.callbacks.reset();
  }

  get depositAccount(): DepositAccount {
    return this.deposit;
  }

  isSigned(username: string, sign: string, refId: string): boolean {
    return (
      username === this.options.aggregatorUsername &&
      sameSecret(aggregatorSign(this.options.aggregatorApiKey, username, refId), sign)
    );
  }

  latencyFor(customerNo: string | null): number {
    const specific =
      customerNo === null ? undefined : this.faultsNow.latencyMsByCustomer[customerNo];
    return specific ?? this.faultsNow.latencyMs;
  }

  inquire(
    refId: string,
    productCode: string,
    customerNo: string,
    nowMs: number,
  ): InquiryResponse['data'] {
    const base = { ref_id: refId, product_code: productCode, customer_no: customerNo };
    const refused = (rc: string, message: string) => ({
      ...base,
      status: 'Gagal' as const,
      rc,
      message,
    });
    if (this.transactions.has(refId))
      return refused(
        AggregatorRc.duplicateRefId,
        `ref_id ${refId} was already used for a transaction`,
      );
    const found = this.findBill(productCode, customerNo, nowMs);
    if ('rc' in found) return refused(found.rc, found.message);
    remember(this.inquiries, refId, { productCode, customerNo });
    const { bill } = found;
    return {
      ...base,
      status: 'Sukses',
      rc: AggregatorRc.success,
      message: 'Inquiry successful',
      customer_name: bill.customerName,
      period: bill.period,
      segment_power: bill.segmentPower,
      subscriber_id: bill.subscriberId,
      bill_rp: bill.billRp,
      ...(AGGREGATOR_CATALOG[productCode].kind === 'POSTPAID'
        ? { penalty_rp: bill.penaltyRp }
        : {}),
      admin_rp: bill.adminRp,
      price_rp: bill.priceRp,
    };
  }

  transact(
    refId: string,
    productCode: string,
    customerNo: string,
    nowMs: number,
    latencyMs: number,
  ): TransactionOutcome {
    const refused = (rc: string, message: string, priceRp = 0): TransactionOutcome => ({
      result: this.resultOf(refId, productCode, customerNo, 'Gagal', rc, message, priceRp, ''),
      drop: false,
    });
    const inquiry = this.inquiries.get(refId);
    if (
      this.transactions.has(refId) ||
      (inquiry && (inquiry.productCode !== productCode || inquiry.customerNo !== customerNo))
    ) {
      return refused(
        AggregatorRc.duplicateRefId,
        `ref_id ${refId} was already used; ask its status instead`,
      );
    }
    const found = this.findBill(productCode, customerNo, nowMs);
    if ('rc' in found) return refused(found.rc, found.message);
    const { bill, billKey } = found;
    if (bill.priceRp > this.deposit.balance) {
      return refused(
        AggregatorRc.depositTooLow,
        `Deposit ${this.deposit.balance} is less than the price ${bill.priceRp}`,
        bill.priceRp,
      );
    }
    const { decided, drop } = this.decide(customerNo);
    const product = AGGREGATOR_CATALOG[productCode];
    const details = detailsOf(product, bill);
    const trxId = { trx_id: trxIdOf(refId) };
    let result: TransactionResult;
    if (decided === 'FAILED') {
      result = {
        ...this.resultOf(
          refId,
          productCode,
          customerNo,
          'Gagal',
          AggregatorRc.failed,
          'Transaction failed at the biller',
          bill.priceRp,
          '',
        ),
        ...trxId,
      };
    } else {
      this.deposit.tryDebit(bill.priceRp, refId, nowMs);
      if (billKey) this.billsTaken.set(billKey, refId);
      result =
        decided === 'SUCCESS'
          ? {
              ...this.resultOf(
                refId,
                productCode,
                customerNo,
                'Sukses',
                AggregatorRc.success,
                'Transaction successful',
                bill.priceRp,
                serialOf(product, refId),
              ),
              ...trxId,
              ...details,
            }
          : {
              ...this.resultOf(
                refId,
                productCode,
                customerNo,
                'Pending',
                AggregatorRc.pending,
                'Transaction pending',
                bill.priceRp,
                '',
              ),
              ...trxId,
            };
    }
    remember(this.transactions, refId, {
      result,
      answeredAtMs: nowMs + latencyMs,
      billKey,
      details,
    });
    if (decided === 'PENDING_THEN_SUCCESS' || decided === 'PENDING_THEN_FAILED') {
      this.timers.after(latencyMs + this.faultsNow.callbackDelayMs, () =>
        this.resolvePending(refId, decided === 'PENDING_THEN_SUCCESS'),
      );
    }
    return { result, drop };
  }

  status(refId: string, nowMs: number): TransactionResult {
    const transaction = this.transactions.get(refId);
    if (!transaction)
      return this.resultOf(
        refId,
        '',
        '',
        'Gagal',
        AggregatorRc.transactionNotFound,
        `No transaction with ref_id ${refId}`,
        0,
        '',
      );
    if (nowMs < transaction.answeredAtMs) {
      const inProcess: TransactionResult = {
        ...transaction.result,
        status: 'Pending',
        rc: AggregatorRc.pending,
        message: 'Transaction in process',
        sn: '',
      };
      for (const key of ['customer_name', 'subscriber_id', 'segment_power', 'kwh'] as const)
        delete inProcess[key];
      return inProcess;
    }
    return transaction.result;
  }

  private resolvePending(refId: string, succeeds: boolean): void {
    const transaction = this.transactions.get(refId);
    if (!transaction || transaction.result.status !== 'Pending') return;
    const nowMs = Date.now();
    const product = AGGREGATOR_CATALOG[transaction.result.product_code];
    if (succeeds) {
      transaction.result = {
        ...transaction.result,
        status: 'Sukses',
        rc: AggregatorRc.success,
        message: 'Transaction successful',
        sn: serialOf(product, refId),
        balance_rp: this.deposit.balance,
        ...transaction.details,
      };
    } else {
      this.deposit.refund(transaction.result.price_rp, refId, nowMs);
      if (transaction.billKey) this.billsTaken.delete(transaction.billKey);
      transaction.result = {
        ...transaction.result,
        status: 'Gagal',
        rc: AggregatorRc.failed,
        message: 'Transaction failed at the biller',
        balance_rp: this.deposit.balance,
      };
    }
    if (this.faultsNow.callbacksEnabled)
      this.callbacks.send(transaction.result, this.faultsNow.callbackMaxAttempts);
  }

  /** The bill to pay, or the rc refusing it: unknown product, PLN cut-off, malformed or unknown number, no bill, paid. */
  private findBill(
    productCode: string,
    customerNo: string,
    nowMs: number,
  ): { bill: CustomerBill; billKey: string | null } | { rc: string; message: string } {
    const product = AGGREGATOR_CATALOG[productCode];
    if (!product)
      return { rc: AggregatorRc.unknownProduct, message: `Unknown product ${productCode}` };
    if (
      product.biller === 'PLN' &&
      isWithinWibWindow(this.faultsNow.cutOffWib, wibMinuteOfDay(nowMs))
    ) {
      const window = this.faultsNow.cutOffWib!;
      return {
        rc: AggregatorRc.plnCutOff,
        message: `PLN cut-off ${window.start}-${window.end} WIB: try again after ${window.end} WIB`,
      };
    }
    if (!product.customerNoPattern.test(customerNo)) {
      return {
        rc: AggregatorRc.wrongCustomerNo,
        message: `${productCode} needs ${product.customerNoName}; got ${customerNo}`,
      };
    }
    const lookup = lookupCustomer(product, customerNo, nowMs);
    if (!lookup.found) return lookup;
    const billKey =
      product.kind === 'POSTPAID' ? `${productCode}:${customerNo}:${lookup.bill.period}` : null;
    if (billKey && this.billsTaken.has(billKey)) {
      return {
        rc: AggregatorRc.alreadyPaid,
        message: `The ${lookup.bill.period} bill of ${customerNo} is already paid`,
      };
    }
    return { bill: lookup.bill, billKey };
  }

  private decide(customerNo: string): { decided: Decided; drop: boolean } {
    const forced: ForcedOutcome | undefined = this.faultsNow.outcomeByCustomer[customerNo];
    if (forced === 'DROP') return { decided: 'SUCCESS', drop: true };
    if (forced) return { decided: forced, drop: false };
    const { failureShare, pendingShare, pendingFailureShare, dropShare } = this.faultsNow;
    const outcomeDraw = this.random.next();
    const pendingDraw = this.random.next();
    const drop = this.random.next() < dropShare;
    if (outcomeDraw < failureShare) return { decided: 'FAILED', drop };
    if (outcomeDraw < failureShare + pendingShare) {
      return {
        decided: pendingDraw < pendingFailureShare ? 'PENDING_THEN_FAILED' : 'PENDING_THEN_SUCCESS',
        drop,
      };
    }
    return { decided: 'SUCCESS', drop };
  }

  private resultOf(
    refId: string,
    productCode: string,
    customerNo: string,
    status: AggregatorStatus,
    rc: string,
    message: string,
    priceRp: number,
    sn: string,
  ): TransactionResult {
    return {
      ref_id: refId,
      product_code: productCode,
      customer_no: customerNo,
      status,
      rc,
      message,
      price_rp: priceRp,
      sn,
      balance_rp: this.deposit.balance,
    };
  }
}

/** PLN prepaid: the 20-digit token; other products: a 16-digit serial. Derived from the ref_id, so stable. */
function serialOf(product: CatalogProduct | undefined, refId: string): string {
  return product?.biller === 'PLN' && product.kind === 'PREPAID'
    ? stableDigits(`token:${refId}`, 20)
    : stableDigits(`sn:${refId}`, 16);
}

/** The aggregator's own id of a transaction: stable for the ref_id, so a status answer repeats it. */
function trxIdOf(refId: string): string {
  return `TRX${stableDigits(`trx:${refId}`, 12)}`;
}

/** What a successful answer says about the customer: PLN name, IDPEL and tariff, and kWh for a token. */
function detailsOf(product: CatalogProduct, bill: CustomerBill): ReceiptDetails {
  const details: ReceiptDetails = {};
  if (bill.customerName) details.customer_name = bill.customerName;
  if (bill.subscriberId) details.subscriber_id = bill.subscriberId;
  if (bill.segmentPower) details.segment_power = bill.segmentPower;
  if (product.biller === 'PLN' && product.kind === 'PREPAID' && bill.segmentPower) {
    details.kwh = plnPrepaidEnergy(bill.billRp, bill.segmentPower).kwh;
  }
  return details;
}

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.set(key, value);
  if (map.size > TRANSACTION_CAPACITY) map.delete(map.keys().next().value as string);
}
