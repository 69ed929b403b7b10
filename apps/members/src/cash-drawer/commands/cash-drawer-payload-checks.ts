import type {
  ApproveCashDrawerPayload,
  CommandReply,
  CountCashDrawerPayload,
  OpenCashDrawerPayload,
} from '@koperasi/contracts';
import { isCalendarDay } from '@koperasi/domain';
import { badField } from '@koperasi/service-kit';

const MAX_DENOMINATION_LINES = 20;
const MAX_EXPECTED_LINES = 20;
const MAX_NAME_LENGTH = 200;

/** Anything that can write to the command topic reaches the service, so the payload's shape is checked here too. */
export function checkOpenPayload(payload: OpenCashDrawerPayload): CommandReply<never> | null {
  return isInteger(payload.openingFloatRp)
    ? null
    : badField('openingFloatRp', 'must be whole rupiah');
}

export function checkCountPayload(payload: CountCashDrawerPayload): CommandReply<never> | null {
  if (!isInteger(payload.countedRp)) return badField('countedRp', 'must be whole rupiah');
  const { denominations, expected } = payload;
  if (!Array.isArray(denominations) || denominations.length > MAX_DENOMINATION_LINES) {
    return badField(
      'denominations',
      `must be a list of at most ${MAX_DENOMINATION_LINES} notes and coins`,
    );
  }
  if (
    !denominations.every(
      (line) =>
        typeof line === 'object' &&
        line !== null &&
        isInteger(line.valueRp) &&
        isInteger(line.count),
    )
  ) {
    return badField('denominations', 'each line needs valueRp and count');
  }
  const lines = expected?.lines;
  if (
    !Array.isArray(lines) ||
    lines.length > MAX_EXPECTED_LINES ||
    !isInteger(expected.expectedRp)
  ) {
    return badField('expected', 'must give the expected lines and expectedRp');
  }
  return null;
}

export function checkApprovePayload(payload: ApproveCashDrawerPayload): CommandReply<never> | null {
  if (typeof payload.tellerId !== 'string' || payload.tellerId.trim() === '')
    return badField('tellerId', 'is required');
  if (typeof payload.businessDate !== 'string' || !isCalendarDay(payload.businessDate))
    return badField('businessDate', 'must be YYYY-MM-DD');
  if (!isInteger(payload.expectedRp)) return badField('expectedRp', 'must be whole rupiah');
  if (typeof payload.approverName !== 'string' || payload.approverName.length > MAX_NAME_LENGTH) {
    return badField('approverName', `must be text of at most ${MAX_NAME_LENGTH} characters`);
  }
  return null;
}

function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}
