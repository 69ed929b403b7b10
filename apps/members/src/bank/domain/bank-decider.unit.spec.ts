import type { RecordBankDeposit, SettleBankFees } from './bank-commands.js';
import { bankDepositIdOf, bankFeeSettlementIdOf } from './bank-ids.js';
import { initialBankDepositState, initialBankFeeMonthState } from './bank-state.js';
import { decideBankDeposit } from './decide-bank-deposit.js';
import { decideBankFeeSettlement } from './decide-bank-fee-settlement.js';
import { evolveBankDeposit, evolveBankFeeMonth } from './evolve-bank.js';
import { decideBank, evolveBank, initialBankState } from './bank-decider.js';

const NOW = '2026-12-01T16:45:00+07:00';
const deposit = (patch: Partial<RecordBankDeposit> = {}): RecordBankDeposit => ({
  type: 'RecordBankDeposit',
  depositId: 'b1',
  slipRef: ' slip-0042 ',
  amountRp: 1_500_000,
  vaultBalanceRp: 2_000_000,
  recordedBy: 'spv-budi',
  recordedByName: 'Budi Santoso',
  now: NOW,
  ...patch,
});
const settle = (patch: Partial<SettleBankFees> = {}): SettleBankFees => ({
  type: 'SettleBankFees',
  settlementId: 's1',
  reference: 'FEE-NOV',
  period: '2026-11',
  amountRp: 40_000,
  accruedRp: 60_000,
  recordedBy: 'spv-budi',
  recordedByName: 'Budi Santoso',
  now: NOW,
  ...patch,
});

describe('setor ke bank', () => {
  it('given cash in the vault, then the deposit is recorded with the slip as written, trimmed', () => {
    const decision = decideBankDeposit(deposit(), initialBankDepositState);
    expect(decision).toEqual({
      ok: true,
      events: [
        {
          type: 'BankDepositRecorded',
          schemaVersion: 1,
          data: {
            depositId: 'b1',
            slipRef: 'slip-0042',
            amountRp: 1_500_000,
            vaultBalanceRp: 2_000_000,
            recordedBy: 'spv-budi',
            recordedByName: 'Budi Santoso',
            recordedAt: NOW,
          },
        },
      ],
    });
  });

  it('given the whole vault, then it may go; a rupiah more is refused', () => {
    expect(decideBankDeposit(deposit({ amountRp: 2_000_000 }), initialBankDepositState).ok).toBe(
      true,
    );
    expect(
      decideBankDeposit(deposit({ amountRp: 2_000_001 }), initialBankDepositState),
    ).toMatchObject({ ok: false, error: { code: 'MORE_THAN_VAULT' } });
  });

  it('given a slip already recorded, then the second is refused', () => {
    const decision = decideBankDeposit(deposit(), initialBankDepositState);
    if (!decision.ok) throw new Error('refused');
    const state = decision.events.reduce(evolveBankDeposit, initialBankDepositState);
    expect(decideBankDeposit(deposit({ amountRp: 1_000 }), state)).toMatchObject({
      ok: false,
      error: { code: 'SLIP_ALREADY_RECORDED' },
    });
  });

  it("names the same slip whatever its case and outer spaces, and another koperasi's apart", () => {
    expect(bankDepositIdOf('kop-1', ' slip-0042')).toBe(bankDepositIdOf('kop-1', 'SLIP-0042'));
    expect(bankDepositIdOf('kop-1', 'SLIP-0042')).not.toBe(bankDepositIdOf('kop-2', 'SLIP-0042'));
    expect(bankFeeSettlementIdOf('kop-1', 'fee-nov')).toBe(
      bankFeeSettlementIdOf('kop-1', 'FEE-NOV'),
    );
  });

  it('refuses no amount, fractions, an empty or odd slip', () => {
    expect(decideBankDeposit(deposit({ amountRp: 0 }), initialBankDepositState)).toMatchObject({
      error: { code: 'INVALID_AMOUNT' },
    });
    expect(decideBankDeposit(deposit({ amountRp: 10.5 }), initialBankDepositState)).toMatchObject({
      error: { code: 'INVALID_AMOUNT' },
    });
    expect(decideBankDeposit(deposit({ slipRef: '  ' }), initialBankDepositState)).toMatchObject({
      error: { code: 'INVALID_REFERENCE' },
    });
    expect(
      decideBankDeposit(deposit({ slipRef: 'SLIP<script>' }), initialBankDepositState),
    ).toMatchObject({ error: { code: 'INVALID_REFERENCE' } });
  });
});

describe('the bank settling its collection fees', () => {
  it('given fees owed for a month, then settlements add up to at most what was accrued', () => {
    const first = decideBankFeeSettlement(settle(), initialBankFeeMonthState);
    if (!first.ok) throw new Error('refused');
    expect(first.events[0].data).toMatchObject({
      amountRp: 40_000,
      accruedRp: 60_000,
      settledBeforeRp: 0,
      period: '2026-11',
    });
    const state = first.events.reduce(evolveBankFeeMonth, initialBankFeeMonthState);
    expect(
      decideBankFeeSettlement(settle({ reference: 'FEE-NOV-2', amountRp: 20_001 }), state),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'MORE_THAN_OWED',
        message: 'The bank owes Rp20000 of fees for 2026-11, less than the Rp20001 recorded',
      },
    });
    const rest = decideBankFeeSettlement(
      settle({ reference: 'FEE-NOV-2', amountRp: 20_000 }),
      state,
    );
    expect(rest.ok && rest.events[0].data.settledBeforeRp).toBe(40_000);
  });

  it('refuses a month that is not one or is still to come', () => {
    expect(
      decideBankFeeSettlement(settle({ period: '2026-13' }), initialBankFeeMonthState),
    ).toMatchObject({ error: { code: 'INVALID_PERIOD' } });
    expect(
      decideBankFeeSettlement(settle({ period: '2027-01' }), initialBankFeeMonthState),
    ).toMatchObject({ error: { code: 'INVALID_PERIOD' } });
    expect(
      decideBankFeeSettlement(settle({ period: '2026-12' }), initialBankFeeMonthState).ok,
    ).toBe(true);
  });
});

describe('the bank decider the batch handler runs', () => {
  it('given a month of fees partly settled through evolveBank, then only what is still owed may be settled', () => {
    const first = decideBank(settle({ amountRp: 40_000 }), initialBankState);
    if (!first.ok) throw new Error('refused');
    const state = first.events.reduce(evolveBank, initialBankState);
    expect(decideBank(settle({ reference: 'FEE-NOV-2', amountRp: 20_001 }), state)).toMatchObject({
      ok: false,
      error: { code: 'MORE_THAN_OWED' },
    });
    expect(decideBank(settle({ reference: 'FEE-NOV-2', amountRp: 20_000 }), state).ok).toBe(true);
  });

  it('given a slip recorded through evolveBank, then recording it again is refused', () => {
    const first = decideBank(deposit(), initialBankState);
    if (!first.ok) throw new Error('refused');
    const state = first.events.reduce(evolveBank, initialBankState);
    expect(decideBank(deposit(), state)).toMatchObject({
      ok: false,
      error: { code: 'SLIP_ALREADY_RECORDED' },
    });
  });
});
