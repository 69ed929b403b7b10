import type {
  BookShuDistributionPayload,
  CommandReply,
  RecordBankDepositPayload,
  SettleBankFeesPayload,
} from '@koperasi/contracts';
import { badField } from '@koperasi/service-kit';

const MAX_NAME_LENGTH = 200;

/** Anything that can write to the command topic reaches the service, so the payload's shape is checked here too. */
export function checkBankDepositPayload(
  payload: RecordBankDepositPayload,
): CommandReply<never> | null {
  if (typeof payload.slipRef !== 'string') return badField('slipRef', 'is required');
  if (!isInteger(payload.amountRp)) return badField('amountRp', 'must be whole rupiah');
  if (!isInteger(payload.vaultBalanceRp)) return badField('vaultBalanceRp', 'must be whole rupiah');
  return checkName(payload.recordedByName);
}

export function checkBankFeesPayload(payload: SettleBankFeesPayload): CommandReply<never> | null {
  if (typeof payload.reference !== 'string') return badField('reference', 'is required');
  if (typeof payload.period !== 'string') return badField('period', 'must be YYYY-MM');
  if (!isInteger(payload.amountRp)) return badField('amountRp', 'must be whole rupiah');
  if (!isInteger(payload.accruedRp)) return badField('accruedRp', 'must be whole rupiah');
  return checkName(payload.recordedByName);
}

export function checkShuDistributionPayload(
  payload: BookShuDistributionPayload,
): CommandReply<never> | null {
  if (!isInteger(payload.year)) return badField('year', 'must be a year');
  if (typeof payload.ratDate !== 'string') return badField('ratDate', 'must be YYYY-MM-DD');
  for (const field of ['surplusRp', 'cadanganRp', 'membersRp'] as const)
    if (!isInteger(payload[field])) return badField(field, 'must be whole rupiah');
  return checkName(payload.approvedByName);
}

function checkName(name: unknown): CommandReply<never> | null {
  return typeof name === 'string' && name.length <= MAX_NAME_LENGTH
    ? null
    : badField('recordedByName', `must be text of at most ${MAX_NAME_LENGTH} characters`);
}

function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}
