import type { EventEnvelope } from '@koperasi/contracts';
import type { StartingAccountCode } from './chart-of-accounts.js';
import { entryFromEvent, type Posting } from './entry-from-event.js';
import { postBankEvent } from './post-bank-event.js';
import { postCashDrawerEvent } from './post-cash-drawer-event.js';
import { postYearEndClosing } from './post-year-end-closing.js';
import type { JournalEntry, JournalLine } from './journal-entry.js';
import {
  dataOf,
  malformed,
  readPositiveRupiah,
  readRupiahOrZero,
  readText,
} from './read-event-data.js';

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
  // The year-end closing entry is dated the year's last instant, not when December was closed.
  if (event.type === 'PeriodClosed') return postYearEndClosing(event);
  const posting = postingFor(event);
  return posting && entryFromEvent(event, 'members', posting);
}

function postingFor(event: EventEnvelope): Posting | null {
  switch (event.type) {
    case 'SimpananPokokPaid':
      return {
        description: 'Setoran simpanan pokok',
        lines: cashIn(readMoney(event), SIMPANAN_POKOK),
      };
    case 'SimpananWajibPaid':
      return {
        description: `Setoran simpanan wajib ${readPeriods(event).join(', ')}`,
        lines: cashIn(readMoney(event), SIMPANAN_WAJIB),
      };
    case 'SimpananSukarelaDeposited':
      return {
        description: 'Setoran simpanan sukarela',
        lines: cashIn(readMoney(event), SIMPANAN_SUKARELA),
      };
    case 'SimpananSukarelaWithdrawn': {
      const money = readMoney(event);
      return {
        description: 'Penarikan simpanan sukarela',
        lines: [
          {
            accountCode: SIMPANAN_SUKARELA,
            debitRp: money.amountRp,
            creditRp: 0,
            memberId: money.memberId,
          },
          { accountCode: KAS, debitRp: 0, creditRp: money.amountRp, tellerId: money.tellerId },
        ],
      };
    }
    case 'CashDrawerOpened':
    case 'CashDrawerClosed':
      return postCashDrawerEvent(event);
    case 'BankDepositRecorded':
    case 'BankFeesSettled':
    case 'ShuDistributionBooked':
      return postBankEvent(event);
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
    [SIMPANAN_POKOK, readRupiahOrZero(event, data, 'pokokPayoutRp')],
    [SIMPANAN_WAJIB, readRupiahOrZero(event, data, 'wajibPayoutRp')],
    [SIMPANAN_SUKARELA, readRupiahOrZero(event, data, 'sukarelaPayoutRp')],
  ];
  const totalRp = payouts.reduce((sum, [, amountRp]) => sum + amountRp, 0);
  if (data.amountRp !== totalRp)
    malformed(event, `amountRp ${String(data.amountRp)} is not the sum of the payouts, ${totalRp}`);
  if (totalRp === 0) return null;
  return [
    ...payouts
      .filter(([, amountRp]) => amountRp > 0)
      .map(([accountCode, amountRp]): JournalLine => ({
        accountCode,
        debitRp: amountRp,
        creditRp: 0,
        memberId,
      })),
    { accountCode: KAS, debitRp: 0, creditRp: totalRp, tellerId },
  ];
}

function readMoney(event: EventEnvelope): Money {
  const data = dataOf(event);
  const amountRp = readPositiveRupiah(event, data, 'amountRp');
  return {
    memberId: readText(event, data, 'memberId'),
    amountRp,
    tellerId: readText(event, data, 'tellerId'),
  };
}

function readPeriods(event: EventEnvelope): string[] {
  const { periods } = dataOf(event);
  if (
    !Array.isArray(periods) ||
    periods.length === 0 ||
    !periods.every((period) => typeof period === 'string')
  ) {
    malformed(event, 'periods must be a non-empty list of YYYY-MM months');
  }
  return periods;
}
