import type { StatementTable } from '../ledger/statements/statement-table.js';
import type { MemberShuShareResponse, ShuDistributionResponse } from './shu.responses.js';

/** The year's SHU: the pools, then every member's share. */
export function shuTable(shu: ShuDistributionResponse): StatementTable {
  return {
    title: `Pembagian SHU Tahun ${shu.year}`,
    period: `SHU tahun ${shu.year}: Rp ${shu.surplus}`,
    columns: [
      'No. anggota',
      'Nama',
      'Transaksi (Rp)',
      'Simpanan (Rp)',
      'Jasa usaha (Rp)',
      'Jasa modal (Rp)',
      'SHU anggota (Rp)',
    ],
    rows: [
      {
        cells: ['', 'Alokasi SHU menurut AD/ART', null, null, null, null, null],
        emphasis: 'heading',
      },
      ...shu.pools.map((pool) => ({
        cells: ['', `${pool.name} (${pool.percent}%)`, null, null, null, null, pool.amount],
      })),
      { cells: ['', 'Jumlah SHU', null, null, null, null, shu.surplus], emphasis: 'total' },
      { cells: ['', 'Bagian anggota', null, null, null, null, null], emphasis: 'heading' },
      ...shu.members.map((member) => ({
        cells: [
          member.memberNo,
          member.fullName,
          member.transactions,
          member.savings,
          member.jasaUsaha,
          member.jasaModal,
          member.share,
        ],
      })),
      {
        cells: [
          '',
          'Jumlah',
          shu.totalTransactions,
          shu.totalSavings,
          sum(shu.members, 'jasaUsaha'),
          sum(shu.members, 'jasaModal'),
          shu.distributed,
        ],
        emphasis: 'total',
      },
    ],
  };
}

/** One member's slip: what the share was worked out from, and the share. */
export function shuSlipTable(
  shu: ShuDistributionResponse,
  member: MemberShuShareResponse,
): StatementTable {
  const pool = (key: string) => shu.pools.find((candidate) => candidate.key === key)!;
  return {
    title: `Slip SHU Tahun ${shu.year}`,
    period: `${member.memberNo} ${member.fullName}`,
    columns: ['Uraian', 'Dasar', 'Jumlah (Rp)'],
    rows: [
      {
        cells: [
          'Transaksi anggota selama tahun ini',
          `dari Rp ${shu.totalTransactions} seluruh anggota`,
          member.transactions,
        ],
      },
      {
        cells: [
          `Jasa usaha (${pool('jasaUsaha').percent}% SHU = Rp ${pool('jasaUsaha').amount})`,
          'menurut transaksi',
          member.jasaUsaha,
        ],
      },
      {
        cells: [
          'Simpanan pokok dan wajib akhir tahun',
          `dari Rp ${shu.totalSavings} seluruh anggota`,
          member.savings,
        ],
      },
      {
        cells: [
          `Jasa modal (${pool('jasaModal').percent}% SHU = Rp ${pool('jasaModal').amount})`,
          'menurut simpanan',
          member.jasaModal,
        ],
      },
      { cells: ['SHU yang diterima', '', member.share], emphasis: 'total' },
    ],
  };
}

function sum(members: readonly MemberShuShareResponse[], field: 'jasaUsaha' | 'jasaModal'): number {
  return members.reduce((total, member) => total + member[field], 0);
}
