import { NotFoundException } from '@nestjs/common';
import type { Pool } from 'pg';
import { rupiahFromColumn } from '../database/rupiah-column.js';
import { startingChartOfAccounts } from '../domain/index.js';
import { BOOKED_ENTRIES } from '../period-closing/booked-entries.js';
import { balanceInNormalDirection } from '../queries/normal-balance.js';
import { periodInstants } from './statement-period.js';
import type { GeneralLedgerView, StatementPeriod } from './statement-views.js';

/** Entries listed per buku besar; an account busier than this in one period is shown in shorter periods. */
export const MAX_GENERAL_LEDGER_LINES = 2000;

interface LineRow {
  id: string;
  occurred_at: Date;
  booked_at: Date;
  description: string;
  source_event_id: string;
  event_type: string | null;
  debit_rp: string;
  credit_rp: string;
}

/**
 * Buku besar of one account: opening balance, every entry booked in the period in order, closing balance. An
 * entry late for a closed month is listed where it is booked, with the time of its event (occurredAt).
 */
export async function generalLedgerOf(
  pool: Pool,
  koperasiId: string,
  code: string,
  period: StatementPeriod,
): Promise<GeneralLedgerView> {
  const account = startingChartOfAccounts.find((candidate) => candidate.code === code);
  if (!account) throw new NotFoundException(`Akun ${code} tidak ada di bagan akun`);
  const { start, end } = periodInstants(period);
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const sums = await client.query<{
      before_debit_rp: string | null;
      before_credit_rp: string | null;
      during_debit_rp: string | null;
      during_credit_rp: string | null;
    }>(
      `SELECT sum(line.debit_rp) FILTER (WHERE entry.booked_at < $3) AS before_debit_rp,
              sum(line.credit_rp) FILTER (WHERE entry.booked_at < $3) AS before_credit_rp,
              sum(line.debit_rp) FILTER (WHERE entry.booked_at >= $3) AS during_debit_rp,
              sum(line.credit_rp) FILTER (WHERE entry.booked_at >= $3) AS during_credit_rp
       FROM (${BOOKED_ENTRIES}) entry
       JOIN journal_lines line ON line.entry_id = entry.id
       WHERE line.account_code = $2 AND entry.booked_at < $4`,
      [koperasiId, code, start, end],
    );
    const lines = await client.query<LineRow>(
      `SELECT entry.id, entry.occurred_at, entry.booked_at, entry.description, entry.source_event_id, entry.event_type,
              sum(line.debit_rp) AS debit_rp, sum(line.credit_rp) AS credit_rp
       FROM (${BOOKED_ENTRIES}) entry
       JOIN journal_lines line ON line.entry_id = entry.id
       WHERE line.account_code = $2 AND entry.booked_at >= $3 AND entry.booked_at < $4
       GROUP BY entry.id, entry.occurred_at, entry.booked_at, entry.description, entry.source_event_id, entry.event_type
       ORDER BY entry.booked_at, entry.id
       LIMIT $5`,
      [koperasiId, code, start, end, MAX_GENERAL_LEDGER_LINES + 1],
    );
    await client.query('COMMIT');
    const [row] = sums.rows;
    const net = (debit: string | null, credit: string | null) =>
      balanceInNormalDirection(
        account.normalBalance,
        rupiahFromColumn(debit),
        rupiahFromColumn(credit),
      );
    const openingRp = net(row.before_debit_rp, row.before_credit_rp);
    let balanceRp = openingRp;
    const listed = lines.rows.slice(0, MAX_GENERAL_LEDGER_LINES).map((line) => {
      const debitRp = rupiahFromColumn(line.debit_rp);
      const creditRp = rupiahFromColumn(line.credit_rp);
      balanceRp += balanceInNormalDirection(account.normalBalance, debitRp, creditRp);
      return {
        entryId: line.id,
        occurredAt: line.occurred_at.toISOString(),
        bookedAt: line.booked_at.toISOString(),
        description: line.description,
        sourceEventId: line.source_event_id,
        eventType: line.event_type,
        debitRp,
        creditRp,
        balanceRp,
      };
    });
    const totalDebitRp = rupiahFromColumn(row.during_debit_rp);
    const totalCreditRp = rupiahFromColumn(row.during_credit_rp);
    return {
      koperasiId,
      ...period,
      code: account.code,
      name: account.name,
      kind: account.kind,
      normalBalance: account.normalBalance,
      openingRp,
      totalDebitRp,
      totalCreditRp,
      closingRp:
        openingRp + balanceInNormalDirection(account.normalBalance, totalDebitRp, totalCreditRp),
      lines: listed,
      truncated: lines.rows.length > MAX_GENERAL_LEDGER_LINES,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
