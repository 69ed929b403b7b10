import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { CollectionView, SavingsMovementView, StatementLine } from '@koperasi/contracts';
import { nowInWib } from '@koperasi/service-kit';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';
import { koperasiOf } from '../../auth/koperasi-of.js';
import { UsersRepository } from '../../auth/users.repository.js';
import { BillpayQueries, type BillpayPayment } from '../../queries/billpay-queries.js';
import { LoansQueries } from '../../queries/loans-queries.js';
import { MembersQueries } from '../../queries/query-clients.js';
import { ReceiptPrintsRepository } from '../../receipts/receipt-prints.repository.js';
import { CounterTodayQuery } from './counter-today.query.js';
import {
  COUNTER_KINDS,
  CounterTodayResponse,
  type CounterKind,
  type CounterKindTotalResponse,
  type CounterPpobListResponse,
  type CounterTransactionResponse,
} from './counter-today.responses.js';

const SAVINGS_KINDS: Partial<Record<StatementLine['kind'], CounterKind>> = {
  pokok: 'simpanan_pokok',
  wajib: 'simpanan_wajib',
  'sukarela-deposit': 'simpanan_sukarela_setor',
  'sukarela-withdrawal': 'simpanan_sukarela_tarik',
};

/** PPOB money the koperasi took and holds: paid, or waiting for the aggregator. A FAILED payment's is owed back. */
const PPOB_COUNTED = new Set(['SUCCESS', 'PENDING', 'PROCESSING']);

/** The counter's own day: what this teller took, per kind and one by one, and what the koperasi's PPOB needs now. */
@ApiTags('counter')
@ApiBearerAuth()
@Controller('counter')
export class CounterTodayController {
  constructor(
    private readonly members: MembersQueries,
    private readonly billpay: BillpayQueries,
    private readonly loans: LoansQueries,
    private readonly users: UsersRepository,
    private readonly prints: ReceiptPrintsRepository,
  ) {}

  @Get('today')
  @Roles('teller', 'supervisor')
  @ApiOperation({
    summary:
      "The caller's work of a WIB day (today by default): totals per kind, the transactions with their receipts, and the koperasi's PPOB deposit, pending payments and refunds owed",
  })
  @ApiOkResponse({ type: CounterTodayResponse })
  @ApiBadRequestResponse({ description: 'date is not a real calendar date written YYYY-MM-DD' })
  async today(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: CounterTodayQuery,
  ): Promise<CounterTodayResponse> {
    const koperasiId = koperasiOf(user);
    const date = query.date ?? nowInWib().slice(0, 10);
    const [movements, payments, collections, deposit, pending, processing, failed] =
      await Promise.all([
        this.members.savingsMovements(koperasiId, { date, tellerId: user.id }),
        this.billpay.payments(koperasiId, { date }),
        this.loans.collections(koperasiId, { date }),
        this.billpay.deposit(koperasiId),
        this.billpay.payments(koperasiId, { status: 'PENDING' }),
        this.billpay.payments(koperasiId, { status: 'PROCESSING' }),
        this.billpay.payments(koperasiId, { status: 'FAILED' }),
      ]);
    const transactions = [
      ...movements.flatMap(savingsTransaction),
      ...payments.filter((payment) => payment.tellerId === user.id).map(ppobTransaction),
      ...collections.collections
        .filter((collection) => collection.tellerId === user.id)
        .map(installmentTransaction),
    ].sort((a, b) => b.time.localeCompare(a.time) || a.id.localeCompare(b.id));
    // Whether a receipt was printed already: the counter then offers a reprint (CU), not the original.
    const receipts = transactions.flatMap((transaction) =>
      transaction.receipt ? [transaction.receipt] : [],
    );
    const printCounts = await this.prints.printCounts(koperasiId, receipts);
    for (const receipt of receipts)
      receipt.printCount = printCounts.get(`${receipt.kind}:${receipt.id.toLowerCase()}`) ?? 0;

    const waiting = [...pending, ...processing].sort(newestFirst);
    const owed = failed.filter((payment) => payment.refund === 'OWED').sort(newestFirst);
    const names = await this.users.fullNames([
      user.id,
      ...waiting.map((p) => p.tellerId),
      ...owed.map((p) => p.tellerId),
    ]);
    const nameOf = (id: string) => names.get(id) ?? id;
    return {
      date,
      tellerId: user.id,
      tellerName: nameOf(user.id),
      totals: totalsOf(transactions),
      transactions,
      ppobDeposit: { available: deposit.availableRp, balance: deposit.balanceRp },
      ppobPending: ppobList(waiting, nameOf),
      ppobRefundsOwed: ppobList(owed, nameOf),
    };
  }
}

function totalsOf(transactions: CounterTransactionResponse[]): CounterKindTotalResponse[] {
  return COUNTER_KINDS.map((kind) => {
    const counted = transactions.filter(
      (t) => t.kind === kind && (kind !== 'ppob' || PPOB_COUNTED.has(t.status)),
    );
    return { kind, count: counted.length, amount: counted.reduce((sum, t) => sum + t.amount, 0) };
  });
}

function savingsTransaction(movement: SavingsMovementView): CounterTransactionResponse[] {
  const kind = SAVINGS_KINDS[movement.kind];
  if (!kind) return [];
  const months =
    movement.kind === 'wajib' && movement.periods.length > 0
      ? ` · ${movement.periods.join(', ')}`
      : '';
  return [
    {
      kind,
      id: movement.eventId,
      time: movement.occurredAt,
      amount: movement.amountRp,
      status: 'SUCCESS',
      description: `${movement.memberName} · ${movement.memberNo}${months}`,
      reference: movement.eventId,
      partnerRef: null,
      receipt: { kind: 'simpanan', id: movement.eventId, printCount: 0 },
    },
  ];
}

function ppobTransaction(payment: BillpayPayment): CounterTransactionResponse {
  const product = payment.receipt?.productName ?? payment.productCode;
  const customer = payment.customerName ? ` · ${payment.customerName}` : '';
  return {
    kind: 'ppob',
    id: payment.paymentId,
    time: payment.createdAt,
    amount: payment.totalAmountRp,
    status: payment.status,
    description: `${product} · ${payment.customerNo}${customer}`,
    reference: payment.refId,
    // The aggregator's own transaction id where it gave one, else its serial number.
    partnerRef: payment.receipt?.partnerRef ?? payment.receipt?.serialNo ?? null,
    receipt:
      payment.status === 'SUCCESS' ? { kind: 'ppob', id: payment.paymentId, printCount: 0 } : null,
  };
}

function installmentTransaction(collection: CollectionView): CounterTransactionResponse {
  return {
    kind: 'angsuran',
    id: collection.collectionId,
    time: new Date(collection.collectedAt).toISOString(),
    amount: collection.amountRp,
    status: 'SUCCESS',
    description: `${collection.loanNo} · ${collection.borrowerName} · ${collection.product} ${collection.period}`,
    reference: collection.collectionId,
    partnerRef: collection.bankRef,
    receipt: { kind: 'angsuran', id: collection.collectionId, printCount: 0 },
  };
}

function ppobList(
  payments: BillpayPayment[],
  nameOf: (id: string) => string,
): CounterPpobListResponse {
  return {
    count: payments.length,
    payments: payments.map((payment) => ({
      paymentId: payment.paymentId,
      refId: payment.refId,
      status: payment.status,
      productCode: payment.productCode,
      customerNo: payment.customerNo,
      customerName: payment.customerName,
      amount: payment.totalAmountRp,
      refund: payment.refund,
      createdAt: payment.createdAt,
      tellerId: payment.tellerId,
      tellerName: nameOf(payment.tellerId),
    })),
  };
}

function newestFirst(a: BillpayPayment, b: BillpayPayment): number {
  return b.createdAt.localeCompare(a.createdAt);
}
