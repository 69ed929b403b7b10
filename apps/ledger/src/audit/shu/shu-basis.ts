/** A members event as SHU needs it: the store's type, data and time. */
export interface MemberHistoryEvent {
  type: string;
  data: unknown;
  occurredAt: string;
}

/** One member's part in the year: what SHU is shared by. */
export interface MemberShuBasis {
  memberId: string;
  memberNo: string;
  fullName: string;
  /** Rupiah of savings the member paid in during the year: pokok, wajib and sukarela deposits. */
  transactionsRp: number;
  /** Simpanan pokok + wajib held at the end of the year: the member's capital in the koperasi. */
  savingsRp: number;
  /** A member at the end of the year: pokok paid, and not resigned. */
  eligible: boolean;
}

/** The financial year as instants: [start, end) in UTC milliseconds. */
export interface YearWindow {
  startMs: number;
  endMs: number;
}

const WIB_OFFSET_MS = 7 * 3600_000;

/** A calendar year in WIB (UTC+7): 1 January 00:00 WIB up to, not including, the next 1 January 00:00 WIB. */
export function financialYearWib(year: number): YearWindow {
  if (!Number.isInteger(year) || year < 2000 || year > 9998)
    throw new RangeError(`${year} is not a financial year from 2000 to 9998`);
  return {
    startMs: Date.UTC(year, 0, 1) - WIB_OFFSET_MS,
    endMs: Date.UTC(year + 1, 0, 1) - WIB_OFFSET_MS,
  };
}

interface MemberTally extends MemberShuBasis {
  pokokRp: number;
  wajibRp: number;
  registered: boolean;
  resigned: boolean;
}

/**
 * Folds one koperasi's members events, in stream order, into each member's basis for the year. Events at
 * or after the end of the year are ignored; events before its start count for savings, not transactions.
 */
export class ShuBasisFold {
  private readonly members = new Map<string, MemberTally>();

  constructor(private readonly year: YearWindow) {}

  add(event: MemberHistoryEvent): void {
    const atMs = Date.parse(event.occurredAt);
    if (!(atMs < this.year.endMs)) return;
    const inYear = atMs >= this.year.startMs;
    const data = (event.data ?? {}) as Record<string, unknown>;
    const memberId = typeof data.memberId === 'string' ? data.memberId : null;
    if (!memberId) return;
    if (event.type === 'MemberRegistered') {
      this.members.set(memberId, {
        memberId,
        memberNo: String(data.memberNo ?? ''),
        fullName: String(data.fullName ?? ''),
        transactionsRp: 0,
        savingsRp: 0,
        eligible: false,
        pokokRp: 0,
        wajibRp: 0,
        registered: true,
        resigned: false,
      });
      return;
    }
    const member = this.members.get(memberId);
    if (!member)
      throw new Error(
        `${event.type} for member ${memberId} comes before the member's registration`,
      );
    const amountRp =
      typeof data.amountRp === 'number' && Number.isSafeInteger(data.amountRp) ? data.amountRp : 0;
    switch (event.type) {
      case 'SimpananPokokPaid':
        member.pokokRp += amountRp;
        break;
      case 'SimpananWajibPaid':
        member.wajibRp += amountRp;
        break;
      case 'SimpananSukarelaDeposited':
        break;
      case 'MemberResigned':
        member.resigned = true;
        member.pokokRp = 0;
        member.wajibRp = 0;
        return;
      default:
        return;
    }
    if (inYear) member.transactionsRp += amountRp;
  }

  bases(): MemberShuBasis[] {
    return [...this.members.values()].map((member) => ({
      memberId: member.memberId,
      memberNo: member.memberNo,
      fullName: member.fullName,
      transactionsRp: member.transactionsRp,
      savingsRp: member.pokokRp + member.wajibRp,
      eligible: member.registered && !member.resigned && member.pokokRp > 0,
    }));
  }
}
