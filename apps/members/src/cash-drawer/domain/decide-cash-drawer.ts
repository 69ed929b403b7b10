import { CASH_DENOMINATIONS_RP, type DenominationCount } from '@koperasi/contracts';
import type { Decision, DomainError } from '@koperasi/domain';
import type {
  ApproveCashDrawer,
  CashDrawerCommand,
  CountCashDrawer,
  OpenCashDrawer,
} from './cash-drawer-commands.js';
import type { CashDrawerErrorCode } from './cash-drawer-error-code.js';
import type {
  CashDrawerClosed,
  CashDrawerCounted,
  CashDrawerEvent,
  CashDrawerOpened,
} from './cash-drawer-events.js';
import type { CashDrawerState } from './cash-drawer-state.js';

export type CashDrawerDecision<TEvent extends CashDrawerEvent = CashDrawerEvent> = Decision<
  TEvent,
  CashDrawerErrorCode
>;

export function decideCashDrawer(
  command: CashDrawerCommand,
  state: CashDrawerState,
): CashDrawerDecision {
  switch (command.type) {
    case 'OpenCashDrawer':
      return decideOpen(command, state);
    case 'CountCashDrawer':
      return decideCount(command, state);
    case 'ApproveCashDrawer':
      return decideApprove(command, state);
  }
}

function decideOpen(
  command: OpenCashDrawer,
  state: CashDrawerState,
): CashDrawerDecision<CashDrawerOpened> {
  if (state.status === 'OPEN')
    return refuse('DRAWER_ALREADY_OPEN', 'The drawer is already open today');
  if (state.status !== 'UNOPENED')
    return refuse('DRAWER_CLOSED', 'The drawer is already closed today');
  if (!Number.isSafeInteger(command.openingFloatRp) || command.openingFloatRp <= 0) {
    return refuse(
      'INVALID_AMOUNT',
      'The opening float must be a whole number of rupiah above zero',
    );
  }
  const { drawerId, tellerId, businessDate, openingFloatRp, now } = command;
  return ok({
    type: 'CashDrawerOpened',
    schemaVersion: 1,
    data: { drawerId, tellerId, businessDate, openingFloatRp, openedAt: now },
  });
}

/** Tutup kasir by the teller; a recount before the approval replaces the count. */
function decideCount(
  command: CountCashDrawer,
  state: CashDrawerState,
): CashDrawerDecision<CashDrawerCounted> {
  if (state.status === 'CLOSED')
    return refuse('DRAWER_CLOSED', 'The drawer is already closed today');
  if (!Number.isSafeInteger(command.countedRp) || command.countedRp < 0) {
    return refuse(
      'INVALID_AMOUNT',
      'The counted cash must be a whole number of rupiah, zero or more',
    );
  }
  const denominationProblem = checkDenominations(command.denominations, command.countedRp);
  if (denominationProblem) return refuse('INVALID_DENOMINATIONS', denominationProblem);
  const { drawerId, tellerId, businessDate, countedRp, expected, now } = command;
  return ok({
    type: 'CashDrawerCounted',
    schemaVersion: 1,
    data: {
      drawerId,
      tellerId,
      businessDate,
      countedRp,
      denominations: command.denominations.filter((line) => line.count > 0),
      expected,
      differenceRp: countedRp - expected.expectedRp,
      countedAt: now,
    },
  });
}

function decideApprove(
  command: ApproveCashDrawer,
  state: CashDrawerState,
): CashDrawerDecision<CashDrawerClosed> {
  if (state.status === 'CLOSED')
    return refuse('DRAWER_CLOSED', 'The drawer is already closed today');
  if (state.status !== 'COUNTED' || state.countedRp === null) {
    return refuse('DRAWER_NOT_COUNTED', 'The teller has not counted the drawer yet (tutup kasir)');
  }
  if (command.approvedBy === command.tellerId)
    return refuse('SELF_APPROVAL', 'A teller cannot approve the closing of their own drawer');
  if (!Number.isSafeInteger(command.expectedRp))
    return refuse('INVALID_AMOUNT', 'The expected cash must be a whole number of rupiah');
  const { drawerId, tellerId, businessDate, expectedRp, approvedBy, approverName, now } = command;
  return ok({
    type: 'CashDrawerClosed',
    schemaVersion: 1,
    data: {
      drawerId,
      tellerId,
      businessDate,
      countedRp: state.countedRp,
      expectedRp,
      differenceRp: state.countedRp - expectedRp,
      approvedBy,
      approverName,
      closedAt: now,
    },
  });
}

/** At most one line per note or coin; the lines must add up to the counted amount. */
function checkDenominations(lines: readonly DenominationCount[], countedRp: number): string | null {
  if (lines.length === 0) return null;
  const seen = new Set<number>();
  let totalRp = 0;
  for (const line of lines) {
    if (!(CASH_DENOMINATIONS_RP as readonly number[]).includes(line.valueRp))
      return `Rp${line.valueRp} is not a rupiah note or coin`;
    if (seen.has(line.valueRp)) return `Rp${line.valueRp} is counted twice`;
    if (!Number.isSafeInteger(line.count) || line.count < 0)
      return `The count of Rp${line.valueRp} must be a whole number, zero or more`;
    seen.add(line.valueRp);
    totalRp += line.valueRp * line.count;
  }
  return totalRp === countedRp
    ? null
    : `The notes and coins add up to Rp${totalRp}, not the counted Rp${countedRp}`;
}

function ok<TEvent extends CashDrawerEvent>(event: TEvent): CashDrawerDecision<TEvent> {
  return { ok: true, events: [event] };
}

function refuse(
  code: CashDrawerErrorCode,
  message: string,
): { ok: false; error: DomainError<CashDrawerErrorCode> } {
  return { ok: false, error: { code, message } };
}
