import type { AggregatorStatementLine, StatementResponse } from '@koperasi/contracts';
import { wibDateOf } from '../common/wib-clock.js';

/** The most statement lines kept; the oldest business dates are forgotten first (their closing becomes the base). */
export const STATEMENT_LINE_CAPACITY = 1_000_000;

export const DEFAULT_DEPOSIT_RP = 1_000_000_000;

/** The koperasi's deposit at the aggregator and its statement per WIB business date. */
export class DepositAccount {
  private balanceRp: number;
  /** The balance before the oldest line kept. */
  private baseRp: number;
  private readonly linesByDate = new Map<string, AggregatorStatementLine[]>();
  private lineCount = 0;

  constructor(openingRp = DEFAULT_DEPOSIT_RP) {
    this.balanceRp = openingRp;
    this.baseRp = openingRp;
  }

  get balance(): number {
    return this.balanceRp;
  }

  /** Replaces the balance and forgets the statement history: the new balance opens every date from now on. */
  setBalance(balanceRp: number): void {
    this.balanceRp = balanceRp;
    this.baseRp = balanceRp;
    this.linesByDate.clear();
    this.lineCount = 0;
  }

  topUp(amountRp: number, transferRef: string, nowMs: number): AggregatorStatementLine {
    return this.post('TOPUP', transferRef, amountRp, nowMs);
  }

  /** False, and nothing changes, when the deposit does not cover the amount. */
  tryDebit(amountRp: number, refId: string, nowMs: number): boolean {
    if (amountRp > this.balanceRp) return false;
    this.post('DEBIT', refId, amountRp, nowMs);
    return true;
  }

  refund(amountRp: number, refId: string, nowMs: number): void {
    this.post('REFUND', refId, amountRp, nowMs);
  }

  statement(date: string): StatementResponse['data'] {
    const lines = this.linesByDate.get(date) ?? [];
    let openingRp = this.baseRp;
    if (lines.length > 0) openingRp = lines[0].balance_after_rp - signed(lines[0]);
    else {
      // The closing of the latest earlier date with lines; dates are kept in insertion (= time) order.
      for (const [other, otherLines] of this.linesByDate) {
        if (other >= date) break;
        openingRp = otherLines[otherLines.length - 1].balance_after_rp;
      }
    }
    const closingRp = lines.length > 0 ? lines[lines.length - 1].balance_after_rp : openingRp;
    return { date, opening_rp: openingRp, closing_rp: closingRp, lines: [...lines] };
  }

  private post(
    type: AggregatorStatementLine['type'],
    refId: string,
    amountRp: number,
    nowMs: number,
  ): AggregatorStatementLine {
    this.balanceRp += type === 'DEBIT' ? -amountRp : amountRp;
    const line: AggregatorStatementLine = {
      ref_id: refId,
      type,
      amount_rp: amountRp,
      balance_after_rp: this.balanceRp,
      at: new Date(nowMs).toISOString(),
    };
    const date = wibDateOf(nowMs);
    const lines = this.linesByDate.get(date);
    if (lines) lines.push(line);
    else this.linesByDate.set(date, [line]);
    this.lineCount += 1;
    this.forgetOldestDatesBeyondCapacity();
    return line;
  }

  private forgetOldestDatesBeyondCapacity(): void {
    // Bounded: each pass removes one whole date, and the newest date is never removed.
    while (this.lineCount > STATEMENT_LINE_CAPACITY && this.linesByDate.size > 1) {
      const [oldest, lines] = this.linesByDate.entries().next().value as [
        string,
        AggregatorStatementLine[],
      ];
      this.baseRp = lines[lines.length - 1].balance_after_rp;
      this.lineCount -= lines.length;
      this.linesByDate.delete(oldest);
    }
  }
}

function signed(line: AggregatorStatementLine): number {
  return line.type === 'DEBIT' ? -line.amount_rp : line.amount_rp;
}
