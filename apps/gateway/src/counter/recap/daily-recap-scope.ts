import { HttpStatus } from '@nestjs/common';
import { isCalendarDay } from '@koperasi/domain';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';
import { koperasiOf } from '../../auth/koperasi-of.js';
import { ApiException } from '../../http/api-exception.js';
import type { RecapScope } from './daily-recap.service.js';

const RECAP_RECEIPT_ID = /^(\d{4}-\d{2}-\d{2})\.(.+)$/;

/** A supervisor's recap is the koperasi's; a teller's, their own. */
export function recapScopeOf(user: AuthenticatedUser): RecapScope {
  return user.role === 'supervisor' ? 'koperasi' : { tellerId: user.id };
}

/**
 * The receipt id a recap prints under, so each has its own original (CA) and reprints (CU): the date and the
 * koperasi for the koperasi's, the date and the teller for one teller's (receipt ids are unique across koperasi).
 */
export function recapReceiptId(date: string, koperasiId: string, scope: RecapScope): string {
  return `${date}.${scope === 'koperasi' ? koperasiId : scope.tellerId}`;
}

/** The date and scope a recap receipt id names, if the caller may print it: a teller only their own. */
export function recapOfReceiptId(
  id: string,
  user: AuthenticatedUser,
): { date: string; scope: RecapScope } {
  const match = RECAP_RECEIPT_ID.exec(id);
  if (!match || !isCalendarDay(match[1])) {
    throw new ApiException(
      HttpStatus.BAD_REQUEST,
      'VALIDATION_FAILED',
      `Rekap ${id} tidak dikenal: pakai receiptId dari rekap harian (tanggal TTTT-BB-HH, titik, lalu id koperasi atau kasir)`,
      [{ field: 'id', problems: ['must be YYYY-MM-DD.<koperasiId or tellerId>'] }],
    );
  }
  const scope: RecapScope = match[2] === koperasiOf(user) ? 'koperasi' : { tellerId: match[2] };
  const own = scope !== 'koperasi' && scope.tellerId === user.id;
  if (user.role !== 'supervisor' && !own) {
    throw new ApiException(
      HttpStatus.FORBIDDEN,
      'FORBIDDEN',
      'Kasir hanya dapat mencetak rekap hariannya sendiri; rekap koperasi dicetak penyelia',
    );
  }
  return { date: match[1], scope };
}
