import type { StatementLine } from '@koperasi/contracts';
import type { MemberEvent } from '../domain/index.js';

export type StatementEntry = Pick<StatementLine, 'kind' | 'description' | 'amountRp'>;

/** The statement line a savings event prints, or null for an event that moves no savings. Out is negative. */
export function statementEntryOf(event: MemberEvent): StatementEntry | null {
  switch (event.type) {
    case 'MemberRegistered':
      return null;
    case 'SimpananPokokPaid':
      return {
        kind: 'pokok',
        description: 'Setoran simpanan pokok',
        amountRp: event.data.amountRp,
      };
    case 'SimpananWajibPaid':
      return {
        kind: 'wajib',
        description: `Setoran simpanan wajib ${event.data.periods.join(', ')}`,
        amountRp: event.data.amountRp,
      };
    case 'SimpananSukarelaDeposited':
      return {
        kind: 'sukarela-deposit',
        description: 'Setoran simpanan sukarela',
        amountRp: event.data.amountRp,
      };
    case 'SimpananSukarelaWithdrawn':
      return {
        kind: 'sukarela-withdrawal',
        description: 'Penarikan simpanan sukarela',
        amountRp: -event.data.amountRp,
      };
    case 'MemberResigned':
      return {
        kind: 'resignation-payout',
        description: 'Pengembalian simpanan pokok, wajib dan sukarela (keluar dari keanggotaan)',
        amountRp: -event.data.amountRp,
      };
  }
}
