import type { EventEnvelope } from '@koperasi/contracts';
import { isPositiveRupiah } from '@koperasi/domain';
import type { StartingAccountCode } from './chart-of-accounts.js';
import { assertBalanced, type JournalEntry, type JournalLine } from './journal-entry.js';

const KAS: StartingAccountCode = '111000';
const SIMPANAN_SUKARELA: StartingAccountCode = '211000';
const SIMPANAN_POKOK: StartingAccountCode = '310000';
const SIMPANAN_WAJIB: StartingAccountCode = '320000';

/**
 * The journal entry a members event causes, or null when no money moved (a registration, or the resignation
 * of a member who had paid nothing). The event comes from another service over Kafka, so its data is read
 * as untrusted; a money event that does not hold together throws, to be dead-lettered rather than booked.
 */
export function postMemberEvent(event: EventEnvelope): JournalEntry | null {
  const posting = postingFor(event);
  if (!posting) return null;
  const entry: JournalEntry = {
    sourceEventId: event.eventId,
    koperasiId: event.koperasiId,
    occurredAt: event.occurredAt,
    ...posting,
  };
  assertBalanced(entry);
  return entry;
}

type Posting = Pick<JournalEntry, 'description' | 'lines'>;

function postingFor(event: EventEnvelope): Posting | null {
  switch (event.type) {
    case 'SimpananPokokPaid':
      return { description: 'Setoran simpanan pokok', lines: cashIn(readMoney(event), SIMPANAN_POKOK) };
    case 'SimpananWajibPaid':
      return {
        description: `Setoran simpanan wajib ${readPeriods(event).join(', ')}`,
        lines: cashIn(readMoney(event), SIMPANAN_WAJIB),
      };
    case 'SimpananSukarelaDeposited':
      return { description: 'Setoran simpanan sukarela', lines: cashIn(readMoney(event), SIMPANAN_SUKARELA) };
    case 'SimpananSukarelaWithdrawn': {
      const money = readMoney(event);
      return {
        description: 'Penarikan simpanan sukarela',
        lines: [
          { accountCode: SIMPANAN_SUKARELA, debitRp: money.amountRp, creditRp: 0, memberId: money.memberId },
          { accountCode: KAS, debitRp: 0, creditRp: money.amountRp, tellerId: money.tellerId },
        ],
      };
    }
    case 'MemberResigned': {
      const lines = resignationPayout(event);
      return lines && { description: 'Pengembalian simpanan anggota keluar', lines };
    }
    default:
      return null;
  }
}

interface Money {
  memberId: string;
  amountRp: number;
  tellerId: string;
}

function cashIn(money: Money, savingsAccount: StartingAccountCode): JournalLine[] {
  return [
    { accountCode: KAS, debitRp: money.amountRp, creditRp: 0, tellerId: money.tellerId },
    { accountCode: savingsAccount, debitRp: 0, creditRp: money.amountRp, memberId: money.memberId },
  ];
}

function resignationPayout(event: EventEnvelope): JournalLine[] | null {
  const data = dataOf(event);
  const memberId = readText(event, data, 'memberId');
  const tellerId = readText(event, data, 'tellerId');
  const payouts: [StartingAccountCode, number][] = [
    [SIMPANAN_POKOK, readPayout(event, data, 'pokokPayoutRp')],
    [SIMPANAN_WAJIB, readPayout(event, data, 'wajibPayoutRp')],
    [SIMPANAN_SUKARELA, readPayout(event, data, 'sukarelaPayoutRp')],
  ];
  const totalRp = payouts.reduce((sum, [, amountRp]) => sum + amountRp, 0);
  if (data.amountRp !== totalRp) malformed(event, `amountRp ${String(data.amountRp)} is not the sum of the payouts, ${totalRp}`);
  if (totalRp === 0) return null;
  return [
    ...payouts
      .filter(([, amountRp]) => amountRp > 0)
      .map(([accountCode, amountRp]): JournalLine => ({ accountCode, debitRp: amountRp, creditRp: 0, memberId })),
    { accountCode: KAS, debitRp: 0, creditRp: totalRp, tellerId },
  ];
}

function readMoney(event: EventEnvelope): Money {
  const data = dataOf(event);
  if (!isPositiveRupiah(data.amountRp)) malformed(event, `amountRp ${String(data.amountRp)} is not a positive whole rupiah amount`);
  return { memberId: readText(event, data, 'memberId'), amountRp: data.amountRp, tellerId: readText(event, data, 'tellerId') };
}

function readPeriods(event: EventEnvelope): string[] {
  const { periods } = dataOf(event);
  if (!Array.isArray(periods) || periods.length === 0 || !periods.every((period) => typeof period === 'string')) {
    malformed(event, 'periods must be a non-empty list of YYYY-MM months');
  }
  return periods;
}

function readPayout(event: EventEnvelope, data: Record<string, unknown>, field: string): number {
  const value = data[field];
  if (value !== 0 && !isPositiveRupiah(value)) malformed(event, `${field} ${String(value)} is not whole rupiah, zero or more`);
  return value;
}

function readText(event: EventEnvelope, data: Record<string, unknown>, field: string): string {
  const value = data[field];
  if (typeof value !== 'string' || value === '') malformed(event, `${field} is missing`);
  return value;
}

function dataOf(event: EventEnvelope): Record<string, unknown> {
  // Upcasting happens before posting; a version this code was not written for must not be guessed at.
  if (event.schemaVersion !== 1) malformed(event, `schema version ${event.schemaVersion} is not known here`);
  if (typeof event.data !== 'object' || event.data === null) malformed(event, 'data is not an object');
  return event.data as Record<string, unknown>;
}

function malformed(event: EventEnvelope, problem: string): never {
  throw new Error(`Cannot post ${event.type} ${event.eventId}: ${problem}`);
}
