import {
  checkKnobPatch,
  isBoolean,
  isDelayMs,
  isIntegerIn,
  isMapOf,
  isOneOf,
  isShare,
  type KnobCheck,
} from '../common/knob-patch.js';

export const REMITTANCE_OUTCOMES = ['CONFIRM', 'REJECT', 'HOLD'] as const;
export type RemittanceOutcome = (typeof REMITTANCE_OUTCOMES)[number];

export const LOAN_FAULTS = ['DOWN', 'TIMEOUT', 'DROP'] as const;
export type LoanFault = (typeof LOAN_FAULTS)[number];

export interface BankFaults {
  latencyMs: number;
  latencyMsByLoan: Record<string, number>;
  /** Every request answered 503. */
  down: boolean;
  /** Share of requests that hang for hangMs and then lose their connection, nothing done. */
  timeoutShare: number;
  hangMs: number;
  /** Share of requests that are done but whose answer is lost (connection destroyed). */
  dropShare: number;
  faultByLoan: Record<string, LoanFault>;
  /** A collection notice on the loan is refused (422 COLLECTION_REFUSED) with this reason: a refusal no retry changes. */
  refuseCollectionByLoan: Record<string, string>;
  /** What the bank decides on a well-formed batch; HOLD leaves it RECEIVED until the knob changes. */
  remittanceOutcome: RemittanceOutcome;
  rejectReason: string;
  /** How long a batch stays RECEIVED before the decision; 0 decides within the POST. */
  remittanceDecisionDelayMs: number;
  /** Reject a batch naming a collection never notified, notified with another amount, or already remitted. */
  checkRemittanceItems: boolean;
  seed: number;
}

export function defaultBankFaults(): BankFaults {
  return {
    latencyMs: 0,
    latencyMsByLoan: {},
    down: false,
    timeoutShare: 0,
    hangMs: 15_000,
    dropShare: 0,
    faultByLoan: {},
    refuseCollectionByLoan: {},
    remittanceOutcome: 'CONFIRM',
    rejectReason: 'Batch rejected by the bank',
    remittanceDecisionDelayMs: 0,
    checkRemittanceItems: true,
    seed: 1,
  };
}

const isReason: KnobCheck = (value) =>
  typeof value === 'string' && value.length > 0 && value.length <= 200
    ? null
    : '1 to 200 characters';

const CHECKS: { [K in keyof BankFaults]: KnobCheck } = {
  latencyMs: isDelayMs,
  latencyMsByLoan: isMapOf(isDelayMs),
  down: isBoolean,
  timeoutShare: isShare,
  hangMs: isDelayMs,
  dropShare: isShare,
  faultByLoan: isMapOf(isOneOf(LOAN_FAULTS)),
  refuseCollectionByLoan: isMapOf(isReason),
  remittanceOutcome: isOneOf(REMITTANCE_OUTCOMES),
  rejectReason: isReason,
  remittanceDecisionDelayMs: isDelayMs,
  checkRemittanceItems: isBoolean,
  seed: isIntegerIn(0, 0xffffffff),
};

export function patchBankFaults(current: BankFaults, body: unknown): BankFaults {
  return { ...current, ...checkKnobPatch<BankFaults>(body, CHECKS) };
}
