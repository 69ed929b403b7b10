import { HttpStatus, Injectable } from '@nestjs/common';
import { wibDateTime } from '@koperasi/receipt-layout';
import { UsersRepository } from '../auth/users.repository.js';
import { billReceiptLines } from '../billpay/receipts/bill-receipt-text.js';
import { ApiException } from '../http/api-exception.js';
import { receiptLines } from '../loans/receipts/receipt-text.js';
import {
  savingsReceiptLines,
  type SavingsReceiptKind,
} from '../members/receipts/savings-receipt-text.js';
import { BillpayQueries } from '../queries/billpay-queries.js';
import { LoansQueries } from '../queries/loans-queries.js';
import { LedgerQueries, MembersQueries } from '../queries/query-clients.js';
import { cashDrawerRecapLines } from '../cash-drawer/cash-drawer-recap-text.js';
import { presentDrawer } from '../cash-drawer/cash-drawer.responses.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { recapOfReceiptId } from '../counter/recap/daily-recap-scope.js';
import { dailyRecapLines } from '../counter/recap/daily-recap-text.js';
import { DailyRecapService } from '../counter/recap/daily-recap.service.js';
import type { ReceiptKind } from './receipt-prints.repository.js';

/**
 * The text of a receipt of the caller's koperasi, built from where the transaction lives: billpay (PPOB),
 * loans (installments) or members (savings). Another koperasi's id is not found there, so it is 404 here.
 */
@Injectable()
export class ReceiptLinesService {
  constructor(
    private readonly billpay: BillpayQueries,
    private readonly loans: LoansQueries,
    private readonly members: MembersQueries,
    private readonly users: UsersRepository,
    private readonly ledger: LedgerQueries,
    private readonly recaps: DailyRecapService,
  ) {}

  /** The caller matters for a daily recap only: a teller prints their own, a supervisor any. */
  async linesOf(
    kind: ReceiptKind,
    koperasiId: string,
    id: string,
    caller: AuthenticatedUser,
  ): Promise<string[]> {
    return this.build(kind, koperasiId, id, caller);
  }

  private async build(
    kind: ReceiptKind,
    koperasiId: string,
    id: string,
    caller: AuthenticatedUser,
  ): Promise<string[]> {
    switch (kind) {
      case 'rekap': {
        const { date, scope } = recapOfReceiptId(id, caller);
        const [koperasiName, recap] = await Promise.all([
          this.koperasiName(koperasiId),
          this.recaps.recap(koperasiId, date, scope),
        ]);
        return dailyRecapLines(koperasiName, recap);
      }
      case 'ppob': {
        // 409 RECEIPT_NOT_AVAILABLE passes through from billpay while the payment is not SUCCESS.
        const receipt = await this.billpay.receipt(koperasiId, id);
        const [koperasiName, tellerName] = await Promise.all([
          this.koperasiName(koperasiId),
          this.users.fullNameOf(receipt.tellerId),
        ]);
        return billReceiptLines({ ...receipt, koperasiName, tellerName });
      }
      case 'angsuran': {
        const collection = await this.loans.collection(koperasiId, id);
        const [koperasiName, tellerName] = await Promise.all([
          this.koperasiName(koperasiId),
          this.users.fullNameOf(collection.tellerId),
        ]);
        return receiptLines({
          ...collection,
          koperasiName,
          tellerName,
          bankRef: collection.bankRef,
        });
      }
      case 'kasir': {
        // A drawer is found once opened or counted; another koperasi's drawer id is not found here.
        const view = await this.members.cashDrawerById(koperasiId, id);
        const [koperasiName, tellerName, expected] = await Promise.all([
          this.koperasiName(koperasiId),
          this.users.fullNameOf(view.tellerId),
          this.ledger.drawerCash(koperasiId, view.tellerId, view.businessDate),
        ]);
        return cashDrawerRecapLines(koperasiName, presentDrawer(view, expected, tellerName));
      }
      case 'simpanan': {
        const movement = await this.members.savingsMovement(koperasiId, id);
        if (movement.kind === 'resignation-payout') {
          throw new ApiException(
            HttpStatus.CONFLICT,
            'RECEIPT_NOT_AVAILABLE',
            'A resignation payout has no counter receipt; print the member statement instead',
          );
        }
        const savingsKind: SavingsReceiptKind = movement.kind;
        const [koperasiName, tellerName] = await Promise.all([
          this.koperasiName(koperasiId),
          movement.tellerId === null
            ? Promise.resolve('-')
            : this.users.fullNameOf(movement.tellerId),
        ]);
        const balanceAfterRp =
          savingsKind === 'pokok'
            ? movement.balances.pokokRp
            : savingsKind === 'wajib'
              ? movement.balances.wajibRp
              : movement.balances.sukarelaRp;
        return savingsReceiptLines({
          koperasiName,
          eventId: movement.eventId,
          kind: savingsKind,
          amountRp: movement.amountRp,
          occurredAt: movement.occurredAt,
          memberNo: movement.memberNo,
          memberName: movement.memberName,
          periods: movement.periods,
          balanceAfterRp,
          tellerName,
        });
      }
    }
  }

  /** The name printed at the top; the receipt still prints if the members service does not answer. */
  private async koperasiName(koperasiId: string): Promise<string> {
    try {
      return (await this.members.koperasi(koperasiId)).name;
    } catch {
      return 'Koperasi Merah Putih';
    }
  }
}

/** The copy mark closing every print: `CA` for the original, `CU  dd-mm-yyyy HH:mm WIB` for a reprint. */
export function copyMarkLine(copy: 'CA' | 'CU', printedAt: string): string {
  return copy === 'CA' ? 'CA' : `CU  ${wibDateTime(printedAt)}`;
}
