import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@koperasi/contracts';

/** Envelopes of one stream as a service's relay publishes them: versions counting up, a command behind each. */
class EventStream {
  private version = 0;

  constructor(
    readonly koperasiId: string,
    readonly streamId: string,
  ) {}

  next(type: string, data: unknown, occurredAt = new Date().toISOString()): EventEnvelope {
    this.version += 1;
    return {
      eventId: randomUUID(),
      type,
      schemaVersion: 1,
      streamId: this.streamId,
      streamVersion: this.version,
      koperasiId: this.koperasiId,
      occurredAt,
      actor: 'user-teller-test',
      correlationId: randomUUID(),
      causationId: randomUUID(),
      data,
      prevHash: '0'.repeat(64),
      hash: 'f'.repeat(64),
    };
  }
}

export interface PaymentQuote {
  productCode: string;
  totalAmountRp: number;
  priceRp: number;
  tellerId: string;
}

/** A PPOB payment's stream, data shaped like libs/contracts/src/billpay/billpay-events.ts. */
export class PaymentStream extends EventStream {
  readonly refId: string;

  constructor(
    koperasiId: string,
    readonly quote: PaymentQuote,
    readonly paymentId: string = randomUUID(),
  ) {
    super(koperasiId, `payment-${paymentId}`);
    this.refId = `KOP-${paymentId.slice(0, 8)}`;
  }

  requested(occurredAt?: string): EventEnvelope {
    const { productCode, totalAmountRp, priceRp, tellerId } = this.quote;
    return this.next(
      'BillPaymentRequested',
      {
        paymentId: this.paymentId,
        refId: this.refId,
        productCode,
        productKind: 'POSTPAID',
        biller: 'PLN',
        customerNo: '532110000001',
        billAmountRp: totalAmountRp - 2_500,
        adminFeeRp: 2_500,
        totalAmountRp,
        priceRp,
        tellerId,
      },
      occurredAt,
    );
  }

  pending(): EventEnvelope {
    return this.next('BillPaymentPending', {
      paymentId: this.paymentId,
      refId: this.refId,
      reason: 'rc 03',
    });
  }

  succeeded(
    override: { priceRp?: number; feeRp?: number } = {},
    occurredAt?: string,
  ): EventEnvelope {
    const priceRp = override.priceRp ?? this.quote.priceRp;
    return this.next(
      'BillPaymentSucceeded',
      {
        paymentId: this.paymentId,
        refId: this.refId,
        productCode: this.quote.productCode,
        totalAmountRp: this.quote.totalAmountRp,
        priceRp,
        feeRp: override.feeRp ?? this.quote.totalAmountRp - priceRp,
        serialNo: 'SN-1',
        resolvedBy: 'RESPONSE',
      },
      occurredAt,
    );
  }

  failed(): EventEnvelope {
    return this.next('BillPaymentFailed', {
      paymentId: this.paymentId,
      refId: this.refId,
      totalAmountRp: this.quote.totalAmountRp,
      rc: '02',
      reason: 'failed at the biller',
      resolvedBy: 'STATUS_CHECK',
    });
  }

  refunded(tellerId: string): EventEnvelope {
    return this.next('BillPaymentRefunded', {
      paymentId: this.paymentId,
      amountRp: this.quote.totalAmountRp,
      supervisorId: 'sup-1',
      tellerId,
    });
  }
}

export class DepositStream extends EventStream {
  constructor(koperasiId: string) {
    super(koperasiId, `deposit-${koperasiId}`);
  }

  toppedUp(amountRp: number): EventEnvelope {
    return this.next('DepositToppedUp', {
      topupId: randomUUID(),
      amountRp,
      bankTransferRef: `TRF-${randomUUID().slice(0, 6)}`,
      supervisorId: 'sup-1',
    });
  }
}

export interface Installment {
  product: 'KUR' | 'KUPEDES';
  amountRp: number;
  feeRp: number;
  feeMode: 'BANK_PAYS' | 'NETTED';
  tellerId: string;
}

/** A collection's and a remittance's streams, data shaped like libs/contracts/src/loans/loan-events.ts. */
export function installmentCollected(
  koperasiId: string,
  installment: Installment,
  occurredAt?: string,
): EventEnvelope {
  const collectionId = randomUUID();
  return new EventStream(koperasiId, `collection-${collectionId}`).next(
    'InstallmentCollected',
    {
      collectionId,
      loanNo: '0123-01-000123-50-1',
      borrowerName: 'Budi Santoso',
      period: '2025-07',
      ...installment,
    },
    occurredAt,
  );
}

export function remittanceConfirmed(
  koperasiId: string,
  collectedRp: number,
  feeNettedRp: number,
): EventEnvelope {
  const remittanceId = randomUUID();
  const stream = new EventStream(koperasiId, `remittance-${remittanceId}`);
  stream.next('RemittanceClosed', {});
  return stream.next('RemittanceConfirmed', {
    remittanceId,
    collectedRp,
    feeNettedRp,
    remitRp: collectedRp - feeNettedRp,
    bankRef: 'BRI-REM-1',
  });
}
