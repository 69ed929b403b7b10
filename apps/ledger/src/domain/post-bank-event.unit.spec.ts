import type { EventEnvelope } from '@koperasi/contracts';
import { balanceCheck } from './journal-entry.js';
import { postMemberEvent } from './post-member-event.js';

const envelope = (type: string, data: unknown): EventEnvelope => ({
  eventId: `evt-${type}`,
  type,
  schemaVersion: 1,
  streamId: 'bank-deposit-b1',
  streamVersion: 1,
  koperasiId: 'kop-1',
  occurredAt: '2026-12-01T16:45:00+07:00',
  actor: 'spv-budi',
  correlationId: 'corr-1',
  causationId: 'cmd-1',
  data,
  prevHash: '0'.repeat(64),
  hash: 'f'.repeat(64),
});

describe('postings of money with the bank', () => {
  it('given setor ke bank, then Dr the bank account / Cr the vault, naming the slip and the supervisor', () => {
    const entry = postMemberEvent(
      envelope('BankDepositRecorded', {
        depositId: 'b1',
        slipRef: 'SLIP-0042',
        amountRp: 1_500_000,
        vaultBalanceRp: 2_000_000,
        recordedBy: 'spv-budi',
        recordedByName: 'Budi Santoso',
        recordedAt: '2026-12-01T16:45:00+07:00',
      }),
    )!;
    expect(balanceCheck(entry).ok).toBe(true);
    expect(entry.lines).toEqual([
      { accountCode: '112100', debitRp: 1_500_000, creditRp: 0 },
      { accountCode: '111100', debitRp: 0, creditRp: 1_500_000 },
    ]);
    expect(entry.description).toBe('Setor ke bank, slip SLIP-0042, dicatat Budi Santoso');
    expect(entry.sourceEventId).toBe('evt-BankDepositRecorded');
  });

  it('given the bank paying its fees of a month, then Dr the bank account / Cr the fee receivable', () => {
    const entry = postMemberEvent(
      envelope('BankFeesSettled', {
        settlementId: 's1',
        reference: 'FEE-NOV',
        period: '2026-11',
        amountRp: 45_000,
        accruedRp: 60_000,
        settledBeforeRp: 0,
        recordedBy: 'spv-budi',
        recordedByName: 'Budi Santoso',
        recordedAt: '2026-12-01T16:45:00+07:00',
      }),
    )!;
    expect(entry.lines).toEqual([
      { accountCode: '112100', debitRp: 45_000, creditRp: 0 },
      { accountCode: '114100', debitRp: 0, creditRp: 45_000 },
    ]);
    expect(entry.description).toContain('periode 2026-11, ref FEE-NOV');
  });

  it('given a deposit of no rupiah, then it is refused as malformed rather than booked', () => {
    expect(() =>
      postMemberEvent(
        envelope('BankDepositRecorded', { slipRef: 'S', amountRp: 0, recordedByName: 'Budi' }),
      ),
    ).toThrow(/amountRp/);
  });

  it("given the RAT's SHU distribution, then the reserve and the members' share leave SHU belum dibagi, balanced, citing the event", () => {
    const entry = postMemberEvent(
      envelope('ShuDistributionBooked', {
        distributionId: 'd1',
        year: 2026,
        ratDate: '2027-03-20',
        surplusRp: 1_000_001,
        cadanganRp: 250_000,
        membersRp: 650_001,
        approvedBy: 'spv-budi',
        approvedByName: 'Budi Santoso',
        approvedAt: '2027-03-21T09:00:00+07:00',
      }),
    )!;
    expect(balanceCheck(entry).ok).toBe(true);
    expect(entry.lines).toEqual([
      { accountCode: '340000', debitRp: 900_001, creditRp: 0 },
      { accountCode: '330000', debitRp: 0, creditRp: 250_000 },
      { accountCode: '216000', debitRp: 0, creditRp: 650_001 },
    ]);
    expect(entry.sourceEventId).toBe('evt-ShuDistributionBooked');
    expect(entry.description).toBe(
      'Pembagian SHU tahun 2026 menurut RAT 2027-03-20, dibukukan Budi Santoso',
    );
  });
});
