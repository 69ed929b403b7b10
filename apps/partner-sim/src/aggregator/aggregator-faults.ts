import { badRequest } from '../common/bad-request.js';
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

export const FORCED_OUTCOMES = [
  'SUCCESS',
  'FAILED',
  'PENDING_THEN_SUCCESS',
  'PENDING_THEN_FAILED',
  'DROP',
] as const;
export type ForcedOutcome = (typeof FORCED_OUTCOMES)[number];

/** A WIB time window [start, end); end before start wraps past midnight. */
export interface WibWindow {
  start: string;
  end: string;
}

export interface AggregatorFaults {
  latencyMs: number;
  latencyMsByCustomer: Record<string, number>;
  /** Shares of transactions answered Pending, and answered Gagal at once; the rest succeed. */
  pendingShare: number;
  failureShare: number;
  /** Of the pending ones, the share that end Gagal (refunded) rather than Sukses. */
  pendingFailureShare: number;
  /** Share of transactions that are done but whose answer never arrives: the connection is destroyed. */
  dropShare: number;
  outcomeByCustomer: Record<string, ForcedOutcome>;
  /** From the Pending answer to the final outcome and its callback. */
  callbackDelayMs: number;
  callbacksEnabled: boolean;
  callbackMaxAttempts: number;
  cutOffWib: WibWindow | null;
  seed: number;
}

export function defaultAggregatorFaults(cutOffWib: WibWindow | null): AggregatorFaults {
  return {
    latencyMs: 0,
    latencyMsByCustomer: {},
    pendingShare: 0,
    failureShare: 0,
    pendingFailureShare: 0,
    dropShare: 0,
    outcomeByCustomer: {},
    callbackDelayMs: 1_000,
    callbacksEnabled: true,
    callbackMaxAttempts: 5,
    cutOffWib,
    seed: 1,
  };
}

const WIB_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const isWibWindowOrNull: KnobCheck = (value) => {
  if (value === null) return null;
  const window = value as Partial<WibWindow> | undefined;
  return typeof window === 'object' &&
    WIB_TIME.test(String(window.start)) &&
    WIB_TIME.test(String(window.end)) &&
    window.start !== window.end
    ? null
    : "null, or {start: 'HH:MM', end: 'HH:MM'} in WIB with start != end";
};

const CHECKS: { [K in keyof AggregatorFaults]: KnobCheck } = {
  latencyMs: isDelayMs,
  latencyMsByCustomer: isMapOf(isDelayMs),
  pendingShare: isShare,
  failureShare: isShare,
  pendingFailureShare: isShare,
  dropShare: isShare,
  outcomeByCustomer: isMapOf(isOneOf(FORCED_OUTCOMES)),
  callbackDelayMs: isDelayMs,
  callbacksEnabled: isBoolean,
  callbackMaxAttempts: isIntegerIn(1, 20),
  cutOffWib: isWibWindowOrNull,
  seed: isIntegerIn(0, 0xffffffff),
};

/** The new knob set after a partial update, or a 400 naming every problem (then nothing changes). */
export function patchAggregatorFaults(current: AggregatorFaults, body: unknown): AggregatorFaults {
  const patch = checkKnobPatch<AggregatorFaults>(body, CHECKS);
  const next = { ...current, ...patch };
  if (next.pendingShare + next.failureShare > 1) {
    throw badRequest(
      `pendingShare + failureShare must not exceed 1 (would be ${next.pendingShare} + ${next.failureShare})`,
    );
  }
  return next;
}

/** Parses `HH:MM-HH:MM`, or `off` for no cut-off (the env form of the PLN cut-off window). */
export function parseWibWindow(text: string): WibWindow | null {
  if (text === 'off') return null;
  const [start, end] = text.split('-');
  if (isWibWindowOrNull({ start, end }) !== null)
    throw new Error(`${text} is not a WIB window HH:MM-HH:MM or off`);
  return { start, end };
}

export function isWithinWibWindow(window: WibWindow | null, minuteOfDay: number): boolean {
  if (!window) return false;
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  return start < end
    ? minuteOfDay >= start && minuteOfDay < end
    : minuteOfDay >= start || minuteOfDay < end;
}

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}
